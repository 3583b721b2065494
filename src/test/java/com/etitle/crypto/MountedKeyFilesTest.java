package com.etitle.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Production keys are made by operators with their own tools and mounted. Keys that OpenSSL makes, as
 * PKCS#8 PEM and as PKCS#12, must load, sign, and verify; a key of the wrong algorithm must be refused.
 */
class MountedKeyFilesTest {

    @TempDir
    Path dir;

    @Test
    void openssl_ed25519_pem_and_pkcs12_keys_load_and_sign() throws Exception {
        Path pem = openssl("ed.pem", "genpkey", "-algorithm", "ed25519", "-out", "ed.pem");
        Keys.PrivateKey fromPem = Keys.fromPem(Files.readString(pem), KeyAlgorithm.ED25519);
        assertSignsAndVerifies(fromPem);

        Path p12 = openssl("ed.p12", "pkcs12", "-export", "-nocerts", "-inkey", "ed.pem", "-out", "ed.p12", "-passout", "pass:secret");
        Keys.PrivateKey fromP12 = Keys.fromPkcs12(Files.readAllBytes(p12), "secret".toCharArray(), KeyAlgorithm.ED25519);
        assertThat(fromP12.publicKeySpki()).isEqualTo(fromPem.publicKeySpki());
    }

    @Test
    void openssl_sm2_pem_and_pkcs12_keys_load_and_sign() throws Exception {
        Path pem = openssl("sm2.pem", "genpkey", "-algorithm", "ec", "-pkeyopt", "ec_paramgen_curve:SM2", "-out", "sm2.pem");
        Keys.PrivateKey fromPem = Keys.fromPem(Files.readString(pem), KeyAlgorithm.SM2);
        assertSignsAndVerifies(fromPem);

        Path p12 = openssl("sm2.p12", "pkcs12", "-export", "-nocerts", "-inkey", "sm2.pem", "-out", "sm2.p12", "-passout", "pass:secret");
        Keys.PrivateKey fromP12 = Keys.fromPkcs12(Files.readAllBytes(p12), "secret".toCharArray(), KeyAlgorithm.SM2);
        assertThat(fromP12.publicKeySpki()).isEqualTo(fromPem.publicKeySpki());
    }

    @Test
    void a_key_of_another_algorithm_than_the_authoritys_is_refused() throws Exception {
        Path pem = openssl("p256.pem", "genpkey", "-algorithm", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-out", "p256.pem");
        assertThatThrownBy(() -> Keys.fromPem(Files.readString(pem), KeyAlgorithm.SM2)).isInstanceOf(CryptoException.class);
        Path ed = openssl("ed.pem", "genpkey", "-algorithm", "ed25519", "-out", "ed.pem");
        assertThatThrownBy(() -> Keys.fromPem(Files.readString(ed), KeyAlgorithm.SM2))
                .isInstanceOf(CryptoException.class).hasMessageContaining("configured for SM2");
    }

    @Test
    void a_wrong_pkcs12_password_is_refused() throws Exception {
        openssl("ed.pem", "genpkey", "-algorithm", "ed25519", "-out", "ed.pem");
        Path p12 = openssl("ed.p12", "pkcs12", "-export", "-nocerts", "-inkey", "ed.pem", "-out", "ed.p12", "-passout", "pass:secret");
        assertThatThrownBy(() -> Keys.fromPkcs12(Files.readAllBytes(p12), "wrong".toCharArray(), KeyAlgorithm.ED25519))
                .isInstanceOf(CryptoException.class);
    }

    @Test
    void a_generated_key_printed_as_text_shows_no_key_material() {
        Keys.PrivateKey key = Keys.generate(KeyAlgorithm.ED25519);
        assertThat(key.toString()).doesNotContain(key.toPem()).contains("redacted");
    }

    private static void assertSignsAndVerifies(Keys.PrivateKey key) {
        byte[] message = "职称电子证书".getBytes(StandardCharsets.UTF_8);
        byte[] signature = key.signer().sign(message);
        Verifier verifier = Keys.verifier(key.algorithm(), key.publicKeySpki());
        assertThat(verifier.verify(message, signature)).isTrue();
        message[0] ^= 1;
        assertThat(verifier.verify(message, signature)).isFalse();
    }

    private Path openssl(String output, String... args) throws IOException, InterruptedException {
        String[] command = new String[args.length + 1];
        command[0] = "openssl";
        System.arraycopy(args, 0, command, 1, args.length);
        Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor()).as("openssl %s: %s", String.join(" ", args), out).isZero();
        return dir.resolve(output);
    }
}
