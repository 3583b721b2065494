package com.etitle.crypto;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.security.SecureRandom;
import java.util.LinkedHashMap;
import java.util.Map;

import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.edec.EdECObjectIdentifiers;
import org.bouncycastle.asn1.gm.GMNamedCurves;
import org.bouncycastle.asn1.gm.GMObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.crypto.AsymmetricCipherKeyPair;
import org.bouncycastle.crypto.generators.ECKeyPairGenerator;
import org.bouncycastle.crypto.params.AsymmetricKeyParameter;
import org.bouncycastle.crypto.params.ECKeyGenerationParameters;
import org.bouncycastle.crypto.params.ECNamedDomainParameters;
import org.bouncycastle.crypto.params.ECPrivateKeyParameters;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.bouncycastle.crypto.params.Ed25519PublicKeyParameters;
import org.bouncycastle.crypto.util.PrivateKeyFactory;
import org.bouncycastle.crypto.util.PrivateKeyInfoFactory;
import org.bouncycastle.crypto.util.PublicKeyFactory;
import org.bouncycastle.crypto.util.SubjectPublicKeyInfoFactory;
import org.bouncycastle.math.ec.ECPoint;
import org.bouncycastle.util.BigIntegers;
import org.bouncycastle.util.io.pem.PemObject;
import org.bouncycastle.util.io.pem.PemReader;
import org.bouncycastle.util.io.pem.PemWriter;

/**
 * Key generation, PKCS#8 / SPKI encoding and the public-key views (JWK, Multikey) of the two
 * supported algorithms. Everything BouncyCastle-specific about keys stays in this class.
 */
public final class Keys {

    private static final SecureRandom RANDOM = new SecureRandom();
    /** Multicodec prefixes (unsigned varint) of the public-key types, as used by Multikey. */
    private static final byte[] ED25519_PUB_CODEC = {(byte) 0xed, 0x01};
    private static final byte[] SM2_PUB_CODEC = {(byte) 0x86, 0x24};

    private Keys() {
    }

    /** A private key with the algorithm it belongs to. */
    public record PrivateKey(KeyAlgorithm algorithm, AsymmetricKeyParameter parameters) {

        public Signer signer() {
            return algorithm == KeyAlgorithm.ED25519
                    ? new Ed25519Signing((Ed25519PrivateKeyParameters) parameters)
                    : new Sm2Signing((ECPrivateKeyParameters) parameters);
        }

        /** DER SubjectPublicKeyInfo of the matching public key. */
        public byte[] publicKeySpki() {
            AsymmetricKeyParameter pub;
            if (parameters instanceof Ed25519PrivateKeyParameters ed) {
                pub = ed.generatePublicKey();
            } else {
                ECPrivateKeyParameters ec = (ECPrivateKeyParameters) parameters;
                ECPoint q = ec.getParameters().getG().multiply(ec.getD()).normalize();
                pub = new ECPublicKeyParameters(q, ec.getParameters());
            }
            try {
                return SubjectPublicKeyInfoFactory.createSubjectPublicKeyInfo(pub).getEncoded();
            } catch (IOException e) {
                throw new CryptoException("cannot encode public key", e);
            }
        }

        /** PKCS#8 PEM, the form written to the key folder. */
        public String toPem() {
            try {
                // Ed25519 as PKCS#8 v1, without the optional public key BouncyCastle adds: OpenSSL before 3.5
                // cannot read the v2 form (RFC 8410 section 7), and operators inspect key files with it.
                PrivateKeyInfo info = parameters instanceof Ed25519PrivateKeyParameters ed
                        ? new PrivateKeyInfo(new AlgorithmIdentifier(EdECObjectIdentifiers.id_Ed25519), new DEROctetString(ed.getEncoded()))
                        : PrivateKeyInfoFactory.createPrivateKeyInfo(parameters);
                StringWriter out = new StringWriter();
                try (PemWriter writer = new PemWriter(out)) {
                    writer.writeObject(new PemObject("PRIVATE KEY", info.getEncoded()));
                }
                return out.toString();
            } catch (IOException e) {
                throw new CryptoException("cannot encode private key", e);
            }
        }

        @Override
        public String toString() {
            return "PrivateKey[" + algorithm + ", redacted]";
        }
    }

    public static PrivateKey generate(KeyAlgorithm algorithm) {
        if (algorithm == KeyAlgorithm.ED25519) {
            return new PrivateKey(algorithm, new Ed25519PrivateKeyParameters(RANDOM));
        }
        ECNamedDomainParameters domain = sm2Domain();
        ECKeyPairGenerator generator = new ECKeyPairGenerator();
        generator.init(new ECKeyGenerationParameters(domain, RANDOM));
        AsymmetricCipherKeyPair pair = generator.generateKeyPair();
        return new PrivateKey(algorithm, pair.getPrivate());
    }

    /** Reads a PKCS#8 "PRIVATE KEY" PEM and checks it is a key of the expected algorithm. */
    public static PrivateKey fromPem(String pem, KeyAlgorithm expected) {
        try (PemReader reader = new PemReader(new StringReader(pem))) {
            PemObject object = reader.readPemObject();
            if (object == null || !"PRIVATE KEY".equals(object.getType())) {
                throw new CryptoException("expected a PKCS#8 'PRIVATE KEY' PEM block");
            }
            return fromPkcs8(object.getContent(), expected);
        } catch (IOException e) {
            throw new CryptoException("cannot read PEM private key", e);
        }
    }

    /** Reads the first private key of a PKCS#12 file (BouncyCastle's keystore: the JDK's cannot parse SM2). */
    public static PrivateKey fromPkcs12(byte[] data, char[] password, KeyAlgorithm expected) {
        try {
            java.security.KeyStore store = java.security.KeyStore.getInstance("PKCS12", BouncyCastle.PROVIDER);
            store.load(new java.io.ByteArrayInputStream(data), password);
            for (String alias : java.util.Collections.list(store.aliases())) {
                if (store.isKeyEntry(alias)) {
                    java.security.Key key = store.getKey(alias, password);
                    return fromPkcs8(key.getEncoded(), expected);
                }
            }
            throw new CryptoException("PKCS#12 file holds no private key");
        } catch (java.security.GeneralSecurityException | IOException e) {
            throw new CryptoException("cannot read PKCS#12 file", e);
        }
    }

    public static PrivateKey fromPkcs8(byte[] der, KeyAlgorithm expected) {
        AsymmetricKeyParameter parameters;
        try {
            parameters = PrivateKeyFactory.createKey(PrivateKeyInfo.getInstance(der));
        } catch (IOException | RuntimeException e) {
            throw new CryptoException("cannot parse PKCS#8 private key", e);
        }
        KeyAlgorithm actual = algorithmOf(parameters);
        if (actual != expected) {
            throw new CryptoException("key is " + actual + " but the authority is configured for " + expected);
        }
        return new PrivateKey(actual, parameters);
    }

    private static KeyAlgorithm algorithmOf(AsymmetricKeyParameter parameters) {
        if (parameters instanceof Ed25519PrivateKeyParameters || parameters instanceof Ed25519PublicKeyParameters) {
            return KeyAlgorithm.ED25519;
        }
        if (parameters instanceof ECPrivateKeyParameters || parameters instanceof ECPublicKeyParameters) {
            var domain = parameters instanceof ECPrivateKeyParameters p ? p.getParameters() : ((ECPublicKeyParameters) parameters).getParameters();
            if (domain.getCurve().equals(sm2Domain().getCurve())) {
                return KeyAlgorithm.SM2;
            }
        }
        throw new CryptoException("unsupported key type; only Ed25519 and SM2 (sm2p256v1) keys are accepted");
    }

    /** A verifier for a DER SubjectPublicKeyInfo stored with a key version. */
    public static Verifier verifier(KeyAlgorithm expected, byte[] spki) {
        AsymmetricKeyParameter pub = publicKey(spki);
        if (algorithmOf(pub) != expected) {
            throw new CryptoException("public key does not match its recorded algorithm");
        }
        return expected == KeyAlgorithm.ED25519
                ? new Ed25519Signing.Verifying((Ed25519PublicKeyParameters) pub)
                : new Sm2Signing.Verifying((ECPublicKeyParameters) pub);
    }

    /** The public key as a JSON Web Key (RFC 8037 OKP for Ed25519; EC with crv "SM2" for SM2). */
    public static Map<String, String> jwk(KeyAlgorithm algorithm, byte[] spki) {
        AsymmetricKeyParameter pub = publicKey(spki);
        Map<String, String> jwk = new LinkedHashMap<>();
        if (pub instanceof Ed25519PublicKeyParameters ed) {
            jwk.put("kty", "OKP");
            jwk.put("crv", "Ed25519");
            jwk.put("x", Encodings.base64Url(ed.getEncoded()));
        } else {
            ECPoint q = ((ECPublicKeyParameters) pub).getQ().normalize();
            jwk.put("kty", "EC");
            jwk.put("crv", "SM2");
            jwk.put("x", Encodings.base64Url(BigIntegers.asUnsignedByteArray(32, q.getAffineXCoord().toBigInteger())));
            jwk.put("y", Encodings.base64Url(BigIntegers.asUnsignedByteArray(32, q.getAffineYCoord().toBigInteger())));
        }
        jwk.put("alg", algorithm.jwsAlgorithm());
        jwk.put("use", "sig");
        return jwk;
    }

    /** The public key as a Multikey {@code publicKeyMultibase} (multicodec prefix, base58btc). */
    public static String multikey(byte[] spki) {
        AsymmetricKeyParameter pub = publicKey(spki);
        byte[] prefix;
        byte[] raw;
        if (pub instanceof Ed25519PublicKeyParameters ed) {
            prefix = ED25519_PUB_CODEC;
            raw = ed.getEncoded();
        } else {
            prefix = SM2_PUB_CODEC;
            raw = ((ECPublicKeyParameters) pub).getQ().getEncoded(true);
        }
        byte[] out = new byte[prefix.length + raw.length];
        System.arraycopy(prefix, 0, out, 0, prefix.length);
        System.arraycopy(raw, 0, out, prefix.length, raw.length);
        return Encodings.multibase(out);
    }

    /** PEM of the public key, for tools such as {@code openssl pkeyutl -verify}. */
    public static String publicKeyPem(byte[] spki) {
        StringWriter out = new StringWriter();
        try (PemWriter writer = new PemWriter(out)) {
            writer.writeObject(new PemObject("PUBLIC KEY", spki));
        } catch (IOException e) {
            throw new CryptoException("cannot encode public key", e);
        }
        return out.toString();
    }

    /** Certificates as PEM, in the order given: {@code application/pem-certificate-chain} (RFC 8555 §9.1) when leaf first. */
    public static String certificatesPem(java.util.List<java.security.cert.X509Certificate> certificates) {
        StringWriter out = new StringWriter();
        try (PemWriter writer = new PemWriter(out)) {
            for (java.security.cert.X509Certificate certificate : certificates) {
                writer.writeObject(new PemObject("CERTIFICATE", certificate.getEncoded()));
            }
        } catch (IOException | java.security.GeneralSecurityException e) {
            throw new CryptoException("cannot encode the certificate chain", e);
        }
        return out.toString();
    }

    private static AsymmetricKeyParameter publicKey(byte[] spki) {
        try {
            return PublicKeyFactory.createKey(SubjectPublicKeyInfo.getInstance(spki));
        } catch (IOException | RuntimeException e) {
            throw new CryptoException("cannot parse public key", e);
        }
    }

    static ECNamedDomainParameters sm2Domain() {
        return new ECNamedDomainParameters(GMObjectIdentifiers.sm2p256v1, GMNamedCurves.getByOID(GMObjectIdentifiers.sm2p256v1));
    }
}
