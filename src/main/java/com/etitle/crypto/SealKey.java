package com.etitle.crypto;

import java.io.IOException;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECKey;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;

import org.bouncycastle.asn1.gm.GMNamedCurves;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * An SM2 key with its X.509 certificate chain (leaf first, then the authority's seal root), as GB/T 38540 wants
 * them: the key of the signer (签章者) that seals certificate faces, and the key of the maker (制章者) that signs the
 * electronic seal itself. Signatures are SM3withSM2 ({@value #SM3_WITH_SM2}) with the GM/T 0009 default user id
 * {@code 1234567812345678}, DER-encoded ({@code SEQUENCE {r, s}}), the form GB/T 38540 carries in its BIT STRINGs and
 * that OpenSSL and BouncyCastle verify.
 *
 * <p>Like {@link X509SigningKey}: the root's private key certifies the leaves once, when they are generated, and is
 * then dropped. Checks itself when built: an SM2 key matching the leaf, and a chain that verifies link by link.
 */
public final class SealKey {

    /** SM3withSM2 (GM/T 0006), the signature algorithm of the seal, the sealing and the certificates. */
    public static final String SM3_WITH_SM2 = "1.2.156.10197.1.501";
    /** How long a generated chain, and the seal made with it, lasts. */
    public static final Duration VALIDITY = X509SigningKey.VALIDITY;

    private static final String ALGORITHM = "SM3withSM2";
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final BigInteger SM2_ORDER = GMNamedCurves.getByName("sm2p256v1").getN();

    private final PrivateKey key;
    private final List<X509Certificate> chain;

    private SealKey(PrivateKey key, List<X509Certificate> chain) {
        this.key = key;
        this.chain = List.copyOf(chain);
        check();
    }

    /** The two keys of a newly generated seal set: the signer's and the maker's, both certified by one new seal root. */
    public record Generated(SealKey signer, SealKey maker) {
    }

    /**
     * A new seal root for an authority ("{code} seal root", O = the authority's name, CA) certifying a signer
     * ("{code} electronic seal": digitalSignature, nonRepudiation) and a maker ("{code} seal maker": digitalSignature).
     */
    public static Generated generate(String authorityCode, String authorityName, Instant now) {
        try {
            KeyPair root = sm2();
            KeyPair signer = sm2();
            KeyPair maker = sm2();
            Date notBefore = Date.from(now.minus(Duration.ofDays(1)));
            Date notAfter = Date.from(now.plus(VALIDITY));
            JcaX509ExtensionUtils extensions = new JcaX509ExtensionUtils();
            X500Name rootName = KeyChains.name(authorityName, authorityCode + " seal root");
            X509v3CertificateBuilder rootBuilder = new JcaX509v3CertificateBuilder(rootName, KeyChains.serial(), notBefore, notAfter, rootName,
                    root.getPublic())
                    .addExtension(Extension.basicConstraints, true, new BasicConstraints(0))
                    .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign))
                    .addExtension(Extension.subjectKeyIdentifier, false, extensions.createSubjectKeyIdentifier(root.getPublic()));
            X509Certificate rootCertificate = certificate(rootBuilder.build(contentSigner(root.getPrivate())));
            SealKey signerKey = new SealKey(signer.getPrivate(), List.of(leaf(rootCertificate, root.getPrivate(),
                    KeyChains.name(authorityName, authorityCode + " electronic seal"), signer.getPublic(), KeyUsage.digitalSignature | KeyUsage.nonRepudiation,
                    notBefore, notAfter), rootCertificate));
            SealKey makerKey = new SealKey(maker.getPrivate(), List.of(leaf(rootCertificate, root.getPrivate(),
                    KeyChains.name(authorityName, authorityCode + " seal maker"), maker.getPublic(), KeyUsage.digitalSignature, notBefore, notAfter),
                    rootCertificate));
            return new Generated(signerKey, makerKey);
        } catch (GeneralSecurityException | IOException | OperatorCreationException e) {
            throw new CryptoException("cannot generate a seal chain", e);
        }
    }

    /** Reads the first key entry of a PKCS#12 file with its chain (BouncyCastle's keystore: the JDK's cannot parse SM2). */
    public static SealKey fromPkcs12(byte[] data, char[] password) {
        KeyChains.Entry entry = KeyChains.readPkcs12(data, password, BouncyCastle.PROVIDER);
        return new SealKey(entry.key(), entry.chain());
    }

    /** The key and chain as PKCS#12, as written to the key folder. */
    public byte[] toPkcs12(char[] password) {
        return KeyChains.writePkcs12(key, chain, "seal", password, BouncyCastle.PROVIDER);
    }

    /** Leaf first, then the certificates that issued it, up to the root. */
    public List<X509Certificate> chain() {
        return chain;
    }

    /** The chain as {@code application/pem-certificate-chain}, leaf first. */
    public String chainPem() {
        return Keys.certificatesPem(chain);
    }

    /** DER of the leaf certificate, as GB/T 38540 carries it ({@code cert OCTET STRING}). */
    public byte[] certificate() {
        try {
            return chain.get(0).getEncoded();
        } catch (CertificateEncodingException e) {
            throw new CryptoException("cannot encode the seal certificate", e);
        }
    }

    /** SM3withSM2 over the message, with the GM/T 0009 default user id; DER {@code SEQUENCE {r, s}}. */
    public byte[] sign(byte[] message) {
        try {
            Signature signature = Signature.getInstance(ALGORITHM, BouncyCastle.PROVIDER);
            signature.initSign(key, RANDOM);
            signature.update(message);
            return signature.sign();
        } catch (GeneralSecurityException e) {
            throw new CryptoException("SM2 signing failed", e);
        }
    }

    /** Whether a DER SM3withSM2 signature over the message verifies with the public key of a certificate. */
    static boolean verifies(PublicKey publicKey, byte[] message, byte[] signature) {
        try {
            Signature verifier = Signature.getInstance(ALGORITHM, BouncyCastle.PROVIDER);
            verifier.initVerify(publicKey);
            verifier.update(message);
            return verifier.verify(signature);
        } catch (GeneralSecurityException | RuntimeException e) {
            return false;
        }
    }

    @Override
    public String toString() {
        return "SealKey[" + chain.get(0).getSubjectX500Principal().getName() + ", private key redacted]";
    }

    private void check() {
        if (chain.isEmpty()) {
            throw new CryptoException("a seal key needs its certificate chain");
        }
        if (!(key instanceof ECKey ec) || !ec.getParams().getOrder().equals(SM2_ORDER)) {
            throw new CryptoException("the seal key must be SM2 (sm2p256v1), as GB/T 38540 wants it");
        }
        byte[] probe = "seal key check".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        if (!verifies(chain.get(0).getPublicKey(), probe, sign(probe))) {
            throw new CryptoException("the seal key does not match its certificate");
        }
        try {
            KeyChains.checkLinks(chain, BouncyCastle.PROVIDER);
        } catch (GeneralSecurityException e) {
            throw new CryptoException("the seal certificate chain does not verify", e);
        }
    }

    private static X509Certificate leaf(X509Certificate root, PrivateKey rootKey, X500Name subject, PublicKey publicKey, int usage,
            Date notBefore, Date notAfter) throws GeneralSecurityException, IOException, OperatorCreationException {
        JcaX509ExtensionUtils extensions = new JcaX509ExtensionUtils();
        X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(X500Name.getInstance(root.getSubjectX500Principal().getEncoded()),
                KeyChains.serial(), notBefore, notAfter, subject, publicKey)
                .addExtension(Extension.basicConstraints, true, new BasicConstraints(false))
                .addExtension(Extension.keyUsage, true, new KeyUsage(usage))
                .addExtension(Extension.subjectKeyIdentifier, false, extensions.createSubjectKeyIdentifier(publicKey))
                .addExtension(Extension.authorityKeyIdentifier, false, extensions.createAuthorityKeyIdentifier(root));
        return certificate(builder.build(contentSigner(rootKey)));
    }

    private static KeyPair sm2() throws GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC", BouncyCastle.PROVIDER);
        generator.initialize(new ECGenParameterSpec("sm2p256v1"), RANDOM);
        return generator.generateKeyPair();
    }



    private static org.bouncycastle.operator.ContentSigner contentSigner(PrivateKey key) throws OperatorCreationException {
        return new JcaContentSignerBuilder(ALGORITHM).setProvider(BouncyCastle.PROVIDER).build(key);
    }

    private static X509Certificate certificate(X509CertificateHolder holder) throws GeneralSecurityException {
        return new JcaX509CertificateConverter().setProvider(BouncyCastle.PROVIDER).getCertificate(holder);
    }
}
