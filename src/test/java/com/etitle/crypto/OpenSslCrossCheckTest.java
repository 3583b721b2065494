package com.etitle.crypto;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import com.etitle.authority.PublicIds;
import com.etitle.certificate.CredentialFactory;
import com.etitle.support.OpenSsl;
import com.etitle.support.OpenSsl.Verdict;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Our signatures checked by a second, independent implementation: the OpenSSL 3 command line, which has
 * its own Ed25519, SM2 and SM3. A verifier outside this service (a province's system, an auditor with a
 * shell) will use something like it, so "BouncyCastle agrees with itself" is not enough. Each positive
 * check has a twin in which OpenSSL must report a verification failure, not merely any error.
 */
class OpenSslCrossCheckTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final byte[] MESSAGE = "专业技术职称电子证书 / e-certificate".getBytes(StandardCharsets.UTF_8);
    private static final String AUTHORITY = "HRSS-440000";
    private static final String KID = AUTHORITY + "-k1";
    private static final String ISSUER = "https://etitle.example/issuers/" + AUTHORITY;
    private static final Instant ISSUED_AT = Instant.parse("2026-06-18T09:30:00Z");

    @TempDir
    Path dir;

    private OpenSsl openssl;

    @BeforeAll
    static void openssl_3_is_on_the_path() {
        OpenSsl.assertVersion3();
    }

    @BeforeEach
    void openssl_works_in_the_temporary_folder() {
        openssl = new OpenSsl(dir);
    }

    @ParameterizedTest
    @EnumSource(KeyAlgorithm.class)
    void a_signature_verifies_with_openssl(KeyAlgorithm algorithm) {
        Keys.PrivateKey key = Keys.generate(algorithm);

        assertThat(opensslVerify(key.publicKeySpki(), algorithm, MESSAGE, key.signer().sign(MESSAGE))).isEqualTo(Verdict.VERIFIED);
    }

    @ParameterizedTest
    @EnumSource(KeyAlgorithm.class)
    void openssl_rejects_a_signature_when_one_message_byte_is_flipped(KeyAlgorithm algorithm) {
        Keys.PrivateKey key = Keys.generate(algorithm);
        byte[] signature = key.signer().sign(MESSAGE);

        assertThat(opensslVerify(key.publicKeySpki(), algorithm, flipped(MESSAGE), signature)).isEqualTo(Verdict.REJECTED);
    }

    @ParameterizedTest
    @EnumSource(KeyAlgorithm.class)
    void openssl_rejects_a_signature_under_another_key(KeyAlgorithm algorithm) {
        byte[] signature = Keys.generate(algorithm).signer().sign(MESSAGE);
        byte[] otherKey = Keys.generate(algorithm).publicKeySpki();

        assertThat(opensslVerify(otherKey, algorithm, MESSAGE, signature)).isEqualTo(Verdict.REJECTED);
    }

    @ParameterizedTest
    @EnumSource(KeyAlgorithm.class)
    void a_signature_openssl_makes_with_our_pem_key_verifies_with_our_verifier(KeyAlgorithm algorithm) {
        // The other direction, which also shows OpenSSL can use the PKCS#8 PEM we write to the key folder.
        Keys.PrivateKey key = Keys.generate(algorithm);

        assertThat(Keys.verifier(algorithm, key.publicKeySpki()).verify(MESSAGE, opensslSign(key, MESSAGE))).isTrue();
    }

    @ParameterizedTest
    @EnumSource(KeyAlgorithm.class)
    void our_verifier_rejects_a_signature_openssl_made_when_one_message_byte_is_flipped(KeyAlgorithm algorithm) {
        Keys.PrivateKey key = Keys.generate(algorithm);

        assertThat(Keys.verifier(algorithm, key.publicKeySpki()).verify(flipped(MESSAGE), opensslSign(key, MESSAGE))).isFalse();
    }

    @ParameterizedTest
    @EnumSource(KeyAlgorithm.class)
    void a_data_integrity_proof_verifies_with_openssl_over_hash_data_rebuilt_with_openssl_digests(KeyAlgorithm algorithm) {
        Keys.PrivateKey key = Keys.generate(algorithm);
        ObjectNode secured = signedCredential(key);
        byte[] hashData = openssl.dataIntegrityHashData(algorithm, secured);

        assertThat(opensslVerify(key.publicKeySpki(), algorithm, hashData, OpenSsl.proofValue(secured)))
                .isEqualTo(Verdict.VERIFIED);
    }

    @ParameterizedTest
    @EnumSource(KeyAlgorithm.class)
    void openssl_rejects_a_data_integrity_proof_when_one_byte_of_the_hash_data_is_flipped(KeyAlgorithm algorithm) {
        Keys.PrivateKey key = Keys.generate(algorithm);
        ObjectNode secured = signedCredential(key);
        byte[] hashData = openssl.dataIntegrityHashData(algorithm, secured);

        assertThat(opensslVerify(key.publicKeySpki(), algorithm, flipped(hashData), OpenSsl.proofValue(secured)))
                .isEqualTo(Verdict.REJECTED);
    }

    @ParameterizedTest
    @EnumSource(KeyAlgorithm.class)
    void a_compact_token_verifies_with_openssl_over_its_ascii_signing_input(KeyAlgorithm algorithm) {
        Keys.PrivateKey key = Keys.generate(algorithm);
        String[] parts = serviceLikeToken(key).split("\\.");

        assertThat(opensslVerify(key.publicKeySpki(), algorithm, signingInput(parts), tokenSignature(parts))).isEqualTo(Verdict.VERIFIED);
    }

    @ParameterizedTest
    @EnumSource(KeyAlgorithm.class)
    void openssl_rejects_a_compact_token_when_one_byte_of_the_signing_input_is_flipped(KeyAlgorithm algorithm) {
        Keys.PrivateKey key = Keys.generate(algorithm);
        String[] parts = serviceLikeToken(key).split("\\.");

        assertThat(opensslVerify(key.publicKeySpki(), algorithm, flipped(signingInput(parts)), tokenSignature(parts)))
                .isEqualTo(Verdict.REJECTED);
    }

    @ParameterizedTest
    @EnumSource(KeyAlgorithm.class)
    void a_compact_token_with_service_like_claims_fits_in_600_characters(KeyAlgorithm algorithm) {
        // The token is printed as a QR code on the certificate, where every character makes the code denser;
        // 600 characters is the budget for it.
        String token = serviceLikeToken(Keys.generate(algorithm));
        System.out.printf("compact token with service-like claims, %s: %d characters%n", algorithm, token.length());

        assertThat(token.length()).isLessThan(600);
    }

    private Verdict opensslVerify(byte[] spki, KeyAlgorithm algorithm, byte[] message, byte[] signature) {
        return openssl.verify(Keys.publicKeyPem(spki), algorithm, message, signature);
    }

    private byte[] opensslSign(Keys.PrivateKey key, byte[] message) {
        return openssl.sign(key.toPem(), key.algorithm(), message);
    }

    private static ObjectNode signedCredential(Keys.PrivateKey key) {
        return DataIntegrity.addProof(credential(), key.signer(), ISSUER + "#" + KID, ISSUED_AT);
    }

    /** Shaped like CredentialFactory.credential, with the non-ASCII text real certificates carry. */
    private static ObjectNode credential() {
        ObjectNode vc = MAPPER.createObjectNode();
        vc.putArray("@context").add(CredentialFactory.VC_CONTEXT).add("https://etitle.example" + PublicIds.CONTEXT_PATH);
        vc.put("id", "urn:etitle:certificate:20260000000012345");
        vc.putArray("type").add("VerifiableCredential").add("ProfessionalTitleCredential");
        vc.putObject("issuer").put("id", ISSUER).put("name", "广东省人力资源和社会保障厅");
        vc.put("validFrom", ISSUED_AT.toString());
        ObjectNode subject = vc.putObject("credentialSubject").put("type", "ProfessionalTitleHolder").put("name", "张三");
        subject.putObject("professionalTitle").put("type", "ProfessionalTitle").put("qualificationName", "高级工程师")
                .put("level", "DEPUTY_SENIOR").put("series", "工程").put("specialty", "建筑设计").put("qualificationDate", "2026-06-18");
        return vc;
    }

    /** Header and claims as CredentialFactory.token builds them. */
    private static String serviceLikeToken(Keys.PrivateKey key) {
        Map<String, Object> header = new LinkedHashMap<>();
        header.put("alg", key.algorithm().jwsAlgorithm());
        header.put("kid", KID);
        header.put("typ", CredentialFactory.TOKEN_TYPE);
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("iss", AUTHORITY);
        claims.put("sub", "20260000000012345");
        claims.put("iat", ISSUED_AT.getEpochSecond());
        claims.put("name", "张三");
        claims.put("title", "高级工程师");
        claims.put("level", "DEPUTY_SENIOR");
        claims.put("series", "工程");
        claims.put("specialty", "建筑设计");
        claims.put("qdate", "2026-06-18");
        return CompactJws.sign(header, claims, key.signer(), MAPPER);
    }

    private static byte[] signingInput(String[] parts) {
        return (parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII);
    }

    /** Decoded with the JDK's decoder, not ours, to keep the check independent of Encodings. */
    private static byte[] tokenSignature(String[] parts) {
        return Base64.getUrlDecoder().decode(parts[2]);
    }

    private static byte[] flipped(byte[] data) {
        byte[] copy = data.clone();
        copy[copy.length / 2] ^= 0x01;
        return copy;
    }
}
