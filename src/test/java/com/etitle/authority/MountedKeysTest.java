package com.etitle.authority;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.etitle.crypto.KeyAlgorithm;
import com.etitle.support.Api;
import com.etitle.support.Requests;
import com.etitle.support.TestEnvironment;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/** A key an operator made with OpenSSL and mounted as PKCS#12 is registered and signs certificates. */
@QuarkusTest
class MountedKeysTest {

    @Inject
    AuthorityService authorities;

    @Inject
    KeyRing keyRing;

    @Test
    void a_mounted_pkcs12_sm2_key_is_registered_and_signs_verifiable_certificates() throws Exception {
        Path dir = Files.createDirectories(TestEnvironment.keysDir().resolve("TEST-P12"));
        run(dir, "openssl", "genpkey", "-algorithm", "ec", "-pkeyopt", "ec_paramgen_curve:SM2", "-out", "key.pem");
        run(dir, "openssl", "pkcs12", "-export", "-nocerts", "-inkey", "key.pem", "-out", "v1.p12", "-passout", "pass:test-secret");
        String publicPem = run(dir, "openssl", "pkey", "-in", "key.pem", "-pubout");
        Files.delete(dir.resolve("key.pem"));

        keyRing.load(authorities.ensure("TEST-P12", "密钥挂载测试厅", "测试省", KeyAlgorithm.SM2,
                CreditCodes.withCheckCharacter("11990000TEG000001")));

        JsonPath issued = Api.issue("TEST-P12", Requests.engineer());
        assertThat(issued.getString("keyId")).isEqualTo("TEST-P12-k1");
        assertThat(Api.verify(Map.of("token", issued.getString("token"))).getString("result")).isEqualTo("VALID");
        SigningKey registered = SigningKey.findByKid("TEST-P12-k1").orElseThrow();
        assertThat(com.etitle.crypto.Keys.publicKeyPem(registered.publicKey).replaceAll("\\s", ""))
                .isEqualTo(publicPem.replaceAll("\\s", ""));
    }

    private static String run(Path dir, String... command) throws Exception {
        Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor()).as(out).isZero();
        return out;
    }
}
