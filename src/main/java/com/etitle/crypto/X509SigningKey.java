package com.etitle.crypto;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.security.AlgorithmParameters;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPrivateKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;

import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.DERSet;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.cms.AttributeTable;
import org.bouncycastle.asn1.cms.CMSAttributes;
import org.bouncycastle.asn1.ess.ESSCertIDv2;
import org.bouncycastle.asn1.ess.SigningCertificateV2;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x9.X9ObjectIdentifiers;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.IssuerSerial;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.cms.CMSAttributeTableGenerator;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedDataGenerator;
import org.bouncycastle.cms.DefaultSignedAttributeTableGenerator;
import org.bouncycastle.cms.jcajce.JcaSignerInfoGeneratorBuilder;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;

/**
 * An authority's document-signing key: an ECDSA P-256 private key with its certificate chain (leaf first,
 * then the authority's document-signing root), and the detached CMS signatures PDF signatures are made of.
 *
 * <p>Why a second key beside the authority's Ed25519 or SM2 credential key: PDF readers (Adobe, poppler/NSS,
 * the browsers' viewers) verify RSA and ECDSA over NIST curves only, and want an X.509 certificate for the
 * signer. P-256 is the smallest and fastest choice they all accept. The root's private key signs the leaf once,
 * when the pair is generated, and is then dropped: nothing can certify another leaf under a published root.
 *
 * <p>BouncyCastle stays inside this class; callers see JDK types and bytes. Checks itself when built: the key
 * must be P-256, match the leaf certificate, and the chain must verify link by link.
 */
public final class X509SigningKey {

    /** Microsoft's "Document Signing" key purpose, which Adobe and Windows accept for document signatures. */
    public static final String DOCUMENT_SIGNING_EKU = "1.3.6.1.4.1.311.10.3.12";
    /** The alias of the key entry in the PKCS#12 files this class writes. */
    public static final String ALIAS = "document-signing";
    /** How long a generated chain lasts; regenerate it (delete the file) before then. */
    public static final Duration VALIDITY = Duration.ofDays(3653);

    /** RFC 6979 deterministic ECDSA: the same PDF bytes always get the same signature, and no RNG is needed per signature. */
    private static final String CMS_SIGNATURE_ALGORITHM = "SHA256withECDDSA";
    private static final String CERT_SIGNATURE_ALGORITHM = "SHA256withECDSA";
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final ECParameterSpec P256 = p256Parameters();

    private final PrivateKey key;
    private final List<X509Certificate> chain;
    private final AttributeTable signedAttributes;

    private X509SigningKey(PrivateKey key, List<X509Certificate> chain) {
        this.key = key;
        this.chain = List.copyOf(chain);
        check();
        this.signedAttributes = new AttributeTable(new Attribute(PKCSObjectIdentifiers.id_aa_signingCertificateV2,
                new DERSet(signingCertificateV2(chain.get(0)))));
    }

    /**
     * A new chain for an authority: a self-signed root ("{code} document signing root", O = the authority's
     * name, CA, keyCertSign) and a leaf it certifies (digitalSignature, nonRepudiation, document signing and
     * e-mail protection key purposes, which is what Adobe and NSS look for in a document signer).
     */
    public static X509SigningKey generate(String authorityCode, String authorityName, Instant now) {
        try {
            KeyPair root = p256();
            KeyPair leaf = p256();
            Date notBefore = Date.from(now.minus(Duration.ofDays(1)));
            Date notAfter = Date.from(now.plus(VALIDITY));
            JcaX509ExtensionUtils extensions = new JcaX509ExtensionUtils();

            X500Name rootName = KeyChains.name(authorityName, authorityCode + " document signing root");
            X509v3CertificateBuilder rootBuilder = new JcaX509v3CertificateBuilder(rootName, KeyChains.serial(), notBefore, notAfter, rootName,
                    root.getPublic())
                    .addExtension(Extension.basicConstraints, true, new BasicConstraints(0))
                    .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign))
                    .addExtension(Extension.subjectKeyIdentifier, false, extensions.createSubjectKeyIdentifier(root.getPublic()));
            X509Certificate rootCertificate = certificate(rootBuilder.build(signer(root.getPrivate())));

            X509v3CertificateBuilder leafBuilder = new JcaX509v3CertificateBuilder(rootName, KeyChains.serial(), notBefore, notAfter,
                    KeyChains.name(authorityName, authorityCode + " document signing"), leaf.getPublic())
                    .addExtension(Extension.basicConstraints, true, new BasicConstraints(false))
                    .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature | KeyUsage.nonRepudiation))
                    .addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(new KeyPurposeId[] {
                            KeyPurposeId.getInstance(new ASN1ObjectIdentifier(DOCUMENT_SIGNING_EKU)), KeyPurposeId.id_kp_emailProtection}))
                    .addExtension(Extension.subjectKeyIdentifier, false, extensions.createSubjectKeyIdentifier(leaf.getPublic()))
                    .addExtension(Extension.authorityKeyIdentifier, false, extensions.createAuthorityKeyIdentifier(rootCertificate));
            X509Certificate leafCertificate = certificate(leafBuilder.build(signer(root.getPrivate())));
            return new X509SigningKey(leaf.getPrivate(), List.of(leafCertificate, rootCertificate));
        } catch (GeneralSecurityException | IOException | OperatorCreationException e) {
            throw new CryptoException("cannot generate a document-signing chain", e);
        }
    }

    /** Reads the first key entry of a PKCS#12 file with its chain (the form operators mount, e.g. from {@code openssl pkcs12 -export}). */
    public static X509SigningKey fromPkcs12(byte[] data, char[] password) {
        KeyChains.Entry entry = KeyChains.readPkcs12(data, password, null);
        return new X509SigningKey(entry.key(), entry.chain());
    }

    /** A key with its chain, leaf first; checked like a loaded one. */
    static X509SigningKey of(PrivateKey key, List<X509Certificate> chain) {
        return new X509SigningKey(key, chain);
    }

    /** The key and chain as PKCS#12, as written to the key folder. */
    public byte[] toPkcs12(char[] password) {
        return KeyChains.writePkcs12(key, chain, ALIAS, password, null);
    }

    /** Leaf first, then the certificates that issued it, up to the root. */
    public List<X509Certificate> chain() {
        return chain;
    }

    /** The chain as {@code application/pem-certificate-chain} (RFC 8555 §9.1): leaf first. */
    public String chainPem() {
        return Keys.certificatesPem(chain);
    }

    /**
     * A detached CMS SignedData over the content, as PAdES baseline B-B wants it: SHA-256, the signer's chain,
     * the content-type, message-digest and ESS signing-certificate-v2 signed attributes, and no signing-time
     * attribute (PAdES takes the time from the signature dictionary's M entry instead).
     */
    public byte[] detachedCms(InputStream content) {
        try {
            CMSAttributeTableGenerator attributes = parameters -> new DefaultSignedAttributeTableGenerator(signedAttributes)
                    .getAttributes(parameters).remove(CMSAttributes.signingTime);
            CMSSignedDataGenerator generator = new CMSSignedDataGenerator();
            generator.addSignerInfoGenerator(
                    new JcaSignerInfoGeneratorBuilder(new JcaDigestCalculatorProviderBuilder().setProvider(BouncyCastle.PROVIDER).build())
                            .setSignedAttributeGenerator(attributes)
                            .build(deterministicSigner(), chain.get(0)));
            generator.addCertificates(new JcaCertStore(chain));
            return generator.generate(new CMSProcessableByteArray(content.readAllBytes()), false).getEncoded("DER");
        } catch (IOException | GeneralSecurityException | OperatorCreationException | CMSException e) {
            throw new CryptoException("cannot make the CMS signature", e);
        }
    }

    @Override
    public String toString() {
        return "X509SigningKey[" + chain.get(0).getSubjectX500Principal().getName() + ", private key redacted]";
    }

    private void check() {
        if (chain.isEmpty()) {
            throw new CryptoException("a document-signing key needs its certificate chain");
        }
        if (!(key instanceof ECPrivateKey ec) || !ec.getParams().getCurve().equals(P256.getCurve())
                || !ec.getParams().getOrder().equals(P256.getOrder())) {
            throw new CryptoException("the document-signing key must be ECDSA P-256, which PDF readers verify");
        }
        try {
            byte[] probe = "document-signing key check".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
            Signature signature = Signature.getInstance(CERT_SIGNATURE_ALGORITHM);
            signature.initSign(key);
            signature.update(probe);
            byte[] signed = signature.sign();
            signature.initVerify(chain.get(0).getPublicKey());
            signature.update(probe);
            if (!signature.verify(signed)) {
                throw new CryptoException("the document-signing key does not match its certificate");
            }
            KeyChains.checkLinks(chain, null);
        } catch (GeneralSecurityException e) {
            throw new CryptoException("the document-signing certificate chain does not verify", e);
        }
    }

    /** ECDSA with SHA-256 and RFC 6979 nonces; the algorithm identifier is plain ecdsa-with-SHA256, which readers know. */
    private ContentSigner deterministicSigner() throws GeneralSecurityException {
        Signature signature = Signature.getInstance(CMS_SIGNATURE_ALGORITHM, BouncyCastle.PROVIDER);
        signature.initSign(key);
        ByteArrayOutputStream signedAttributes = new ByteArrayOutputStream(512);
        return new ContentSigner() {
            @Override
            public AlgorithmIdentifier getAlgorithmIdentifier() {
                return new AlgorithmIdentifier(X9ObjectIdentifiers.ecdsa_with_SHA256);
            }

            @Override
            public OutputStream getOutputStream() {
                return signedAttributes;
            }

            @Override
            public byte[] getSignature() {
                try {
                    signature.update(signedAttributes.toByteArray());
                    return signature.sign();
                } catch (GeneralSecurityException e) {
                    throw new CryptoException("ECDSA signing failed", e);
                }
            }
        };
    }

    private static SigningCertificateV2 signingCertificateV2(X509Certificate signer) {
        try {
            X509CertificateHolder holder = new X509CertificateHolder(signer.getEncoded());
            IssuerSerial issuerSerial = new IssuerSerial(new GeneralNames(new GeneralName(holder.getIssuer())), holder.getSerialNumber());
            // ESSCertIDv2 without an algorithm identifier means SHA-256 (RFC 5035)
            return new SigningCertificateV2(new ESSCertIDv2(Hashes.sha256(signer.getEncoded()), issuerSerial));
        } catch (IOException | GeneralSecurityException e) {
            throw new CryptoException("cannot encode the signing certificate", e);
        }
    }

    private static ECParameterSpec p256Parameters() {
        try {
            AlgorithmParameters parameters = AlgorithmParameters.getInstance("EC");
            parameters.init(new ECGenParameterSpec("secp256r1"));
            return parameters.getParameterSpec(ECParameterSpec.class);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every JDK has P-256", e);
        }
    }

    private static KeyPair p256() throws GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"), RANDOM);
        return generator.generateKeyPair();
    }



    private static ContentSigner signer(PrivateKey key) throws OperatorCreationException {
        return new JcaContentSignerBuilder(CERT_SIGNATURE_ALGORITHM).build(key);
    }

    private static X509Certificate certificate(X509CertificateHolder holder) throws GeneralSecurityException {
        return new JcaX509CertificateConverter().getCertificate(holder);
    }
}
