package com.etitle.crypto;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;

/**
 * What the service's X.509 keys (the PDF document-signing key, the seal keys) share: their PKCS#12 files, the names
 * and serials of the certificates the service makes, and the check of a chain's links. A provider of {@code null}
 * is the JDK's; SM2 needs BouncyCastle's.
 */
final class KeyChains {

    private static final SecureRandom RANDOM = new SecureRandom();

    private KeyChains() {
    }

    /** A private key with its certificate chain, leaf first. */
    record Entry(PrivateKey key, List<X509Certificate> chain) {
    }

    /** The first key entry of a PKCS#12 file with its chain (the form operators mount, e.g. from {@code openssl pkcs12 -export}). */
    static Entry readPkcs12(byte[] data, char[] password, Provider provider) {
        try {
            KeyStore store = provider == null ? KeyStore.getInstance("PKCS12") : KeyStore.getInstance("PKCS12", provider);
            store.load(new ByteArrayInputStream(data), password);
            for (String alias : Collections.list(store.aliases())) {
                if (store.isKeyEntry(alias)) {
                    Certificate[] certificates = store.getCertificateChain(alias);
                    if (certificates == null || certificates.length == 0) {
                        throw new CryptoException("the PKCS#12 key entry has no certificate");
                    }
                    return new Entry((PrivateKey) store.getKey(alias, password),
                            Arrays.stream(certificates).map(X509Certificate.class::cast).toList());
                }
            }
            throw new CryptoException("the PKCS#12 file holds no private key");
        } catch (GeneralSecurityException | IOException e) {
            throw new CryptoException("cannot read the PKCS#12 file (wrong password?)", e);
        }
    }

    /** The key and chain as PKCS#12, as written to the key folder. */
    static byte[] writePkcs12(PrivateKey key, List<X509Certificate> chain, String alias, char[] password, Provider provider) {
        try {
            KeyStore store = provider == null ? KeyStore.getInstance("PKCS12") : KeyStore.getInstance("PKCS12", provider);
            store.load(null, null);
            store.setKeyEntry(alias, key, password, chain.toArray(Certificate[]::new));
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            store.store(out, password);
            return out.toByteArray();
        } catch (GeneralSecurityException | IOException e) {
            throw new CryptoException("cannot write the PKCS#12 file", e);
        }
    }

    /** Each certificate is signed by the next one's key, and a self-signed last one by its own. */
    static void checkLinks(List<X509Certificate> chain, Provider provider) throws GeneralSecurityException {
        for (int i = 0; i + 1 < chain.size(); i++) {
            verify(chain.get(i), chain.get(i + 1), provider);
        }
        X509Certificate last = chain.get(chain.size() - 1);
        if (last.getSubjectX500Principal().equals(last.getIssuerX500Principal())) {
            verify(last, last, provider);
        }
    }

    /** {@code C=CN, O=<organisation>, CN=<common name>}. */
    static X500Name name(String organisation, String commonName) {
        return new X500NameBuilder(BCStyle.INSTANCE).addRDN(BCStyle.C, "CN").addRDN(BCStyle.O, organisation)
                .addRDN(BCStyle.CN, commonName).build();
    }

    /** A random positive serial of 127 bits. */
    static BigInteger serial() {
        return new BigInteger(127, RANDOM).add(BigInteger.ONE);
    }

    private static void verify(X509Certificate certificate, X509Certificate issuer, Provider provider) throws GeneralSecurityException {
        if (provider == null) {
            certificate.verify(issuer.getPublicKey());
        } else {
            certificate.verify(issuer.getPublicKey(), provider);
        }
    }
}
