package com.etitle.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.time.Instant;
import java.util.List;

import org.bouncycastle.asn1.ASN1InputStream;
import org.bouncycastle.asn1.cms.CMSAttributes;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.CMSSignerDigestMismatchException;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The document-signing key: its PKCS#12 form, the checks it makes on what it is given, and its detached CMS
 * checked by OpenSSL ({@code openssl cms -verify}) as well as by BouncyCastle, each with a failing twin.
 */
class X509SigningKeyTest {

    private static final byte[] CONTENT = "%PDF-1.7 signed byte ranges of a certificate face".getBytes(StandardCharsets.US_ASCII);
    private static final char[] PASSWORD = "test-secret".toCharArray();

    @TempDir
    Path dir;

    @Test
    void a_generated_key_survives_its_pkcs12_form() {
        X509SigningKey key = X509SigningKey.generate("TEST-A", "测试省人力资源和社会保障厅", Instant.now());

        X509SigningKey read = X509SigningKey.fromPkcs12(key.toPkcs12(PASSWORD), PASSWORD);

        assertThat(read.chain()).isEqualTo(key.chain());
        assertThat(read.chainPem()).isEqualTo(key.chainPem()).startsWith("-----BEGIN CERTIFICATE-----");
        assertThat(read.toString()).contains("redacted").doesNotContain("PRIVATE");
    }

    @Test
    void a_wrong_password_is_refused() {
        byte[] p12 = X509SigningKey.generate("TEST-A", "测试厅", Instant.now()).toPkcs12(PASSWORD);

        assertThatThrownBy(() -> X509SigningKey.fromPkcs12(p12, "wrong".toCharArray())).isInstanceOf(CryptoException.class);
    }

    @Test
    void the_cms_verifies_with_the_leaf_and_carries_signing_certificate_v2_but_no_signing_time() throws Exception {
        X509SigningKey key = X509SigningKey.generate("TEST-A", "测试厅", Instant.now());

        CMSSignedData cms = new CMSSignedData(new CMSProcessableByteArray(CONTENT), key.detachedCms(new ByteArrayInputStream(CONTENT)));

        SignerInformation signer = cms.getSignerInfos().getSigners().iterator().next();
        assertThat(signer.verify(new JcaSimpleSignerInfoVerifierBuilder().build(key.chain().get(0)))).isTrue();
        assertThat(signer.getSignedAttributes().get(PKCSObjectIdentifiers.id_aa_signingCertificateV2)).isNotNull();
        assertThat(signer.getSignedAttributes().get(CMSAttributes.signingTime)).isNull();
        assertThat(cms.getCertificates().getMatches(null)).hasSize(2);
    }

    @Test
    void the_cms_does_not_verify_over_content_with_one_byte_changed() throws Exception {
        X509SigningKey key = X509SigningKey.generate("TEST-A", "测试厅", Instant.now());
        byte[] signature = key.detachedCms(new ByteArrayInputStream(CONTENT));

        CMSSignedData cms = new CMSSignedData(new CMSProcessableByteArray(flipped(CONTENT)), signature);

        SignerInformation signer = cms.getSignerInfos().getSigners().iterator().next();
        assertThatThrownBy(() -> signer.verify(new JcaSimpleSignerInfoVerifierBuilder().build(key.chain().get(0))))
                .isInstanceOf(CMSSignerDigestMismatchException.class);
    }

    @Test
    void signatures_are_deterministic() {
        X509SigningKey key = X509SigningKey.generate("TEST-A", "测试厅", Instant.now());

        assertThat(key.detachedCms(new ByteArrayInputStream(CONTENT))).isEqualTo(key.detachedCms(new ByteArrayInputStream(CONTENT)));
    }

    @Test
    void openssl_verifies_the_cms_against_the_published_root_and_rejects_it_over_changed_content() throws Exception {
        X509SigningKey key = X509SigningKey.generate("TEST-A", "测试厅", Instant.now());
        Files.write(dir.resolve("content"), CONTENT);
        Files.write(dir.resolve("flipped"), flipped(CONTENT));
        Files.write(dir.resolve("signature.der"), der(key.detachedCms(new ByteArrayInputStream(CONTENT))));
        String pem = key.chainPem();
        Files.writeString(dir.resolve("root.pem"), pem.substring(pem.indexOf("-----END CERTIFICATE-----") + 26));

        assertThat(opensslVerify("content")).contains("Verification successful");
        assertThat(opensslVerify("flipped")).contains("Verification failure").doesNotContain("Verification successful");
    }

    @Test
    void a_key_on_another_curve_is_refused() throws Exception {
        run("openssl", "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-384", "-nodes", "-keyout", "key.pem",
                "-out", "cert.pem", "-days", "1", "-subj", "/CN=p384");
        run("openssl", "pkcs12", "-export", "-inkey", "key.pem", "-in", "cert.pem", "-out", "p384.p12", "-passout", "pass:test-secret");

        assertThatThrownBy(() -> X509SigningKey.fromPkcs12(Files.readAllBytes(dir.resolve("p384.p12")), PASSWORD))
                .isInstanceOf(CryptoException.class).hasMessageContaining("P-256");
    }

    @Test
    void a_key_with_its_own_chain_is_accepted() throws Exception {
        X509SigningKey one = X509SigningKey.generate("TEST-A", "测试厅", Instant.now());

        assertThat(X509SigningKey.of(privateKey(one), one.chain()).chain()).isEqualTo(one.chain());
    }

    @Test
    void a_chain_whose_root_did_not_issue_the_leaf_is_refused() throws Exception {
        X509SigningKey one = X509SigningKey.generate("TEST-A", "测试厅", Instant.now());
        X509SigningKey impostor = X509SigningKey.generate("TEST-A", "测试厅", Instant.now());

        assertThatThrownBy(() -> X509SigningKey.of(privateKey(one), List.of(one.chain().get(0), impostor.chain().get(1))))
                .isInstanceOf(CryptoException.class).hasMessageContaining("chain does not verify");
    }

    @Test
    void a_key_that_is_not_the_leaf_s_is_refused() throws Exception {
        X509SigningKey one = X509SigningKey.generate("TEST-A", "测试厅", Instant.now());
        X509SigningKey other = X509SigningKey.generate("TEST-A", "测试厅", Instant.now());

        assertThatThrownBy(() -> X509SigningKey.of(privateKey(other), one.chain()))
                .isInstanceOf(CryptoException.class).hasMessageContaining("does not match its certificate");
    }

    @Test
    void the_same_files_with_the_right_root_are_accepted() throws Exception {
        X509SigningKey one = X509SigningKey.generate("TEST-A", "测试厅", Instant.now());
        String pem = one.chainPem();
        int split = pem.indexOf("-----END CERTIFICATE-----") + 26;
        Files.writeString(dir.resolve("leaf.pem"), pem.substring(0, split));
        Files.writeString(dir.resolve("root.pem"), pem.substring(split));
        Files.write(dir.resolve("leaf.p12"), one.toPkcs12(PASSWORD));
        run("openssl", "pkcs12", "-in", "leaf.p12", "-passin", "pass:test-secret", "-nocerts", "-nodes", "-out", "leaf.key");
        run("openssl", "pkcs12", "-export", "-inkey", "leaf.key", "-in", "leaf.pem", "-certfile", "root.pem",
                "-out", "rebuilt.p12", "-passout", "pass:test-secret");

        assertThat(X509SigningKey.fromPkcs12(Files.readAllBytes(dir.resolve("rebuilt.p12")), PASSWORD).chain()).isEqualTo(one.chain());
    }

    private static PrivateKey privateKey(X509SigningKey key) throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(new ByteArrayInputStream(key.toPkcs12(PASSWORD)), PASSWORD);
        return (PrivateKey) store.getKey(X509SigningKey.ALIAS, PASSWORD);
    }

    private String opensslVerify(String content) throws Exception {
        return run("openssl", "cms", "-verify", "-binary", "-inform", "DER", "-in", "signature.der", "-content", content,
                "-CAfile", "root.pem", "-purpose", "any", "-out", "/dev/null");
    }

    private static byte[] der(byte[] cms) throws Exception {
        try (ASN1InputStream in = new ASN1InputStream(cms)) {
            return in.readObject().getEncoded("DER");
        }
    }

    private static byte[] flipped(byte[] data) {
        byte[] copy = data.clone();
        copy[copy.length / 2] ^= 0x01;
        return copy;
    }

    private String run(String... command) throws Exception {
        Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor();
        return out;
    }
}
