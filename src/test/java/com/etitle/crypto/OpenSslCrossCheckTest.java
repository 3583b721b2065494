package com.etitle.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.asn1.DERSequence;
import org.bouncycastle.util.BigIntegers;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import com.etitle.certificate.CredentialFactory;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Our signatures checked by a second, independent implementation: the OpenSSL 3 command line, which has
 * its own Ed25519, SM2 and SM3. A verifier outside this service (a province's system, an auditor with a
 * shell) will use something like it, so "BouncyCastle agrees with itself" is not enough. Each positive
 * check has a twin in which OpenSSL must report a verification failure, not merely any error.
 */
class OpenSslCrossCheckTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final byte[] MESSAGE = "专业技术职称电子证书 / e-certificate".getBytes(StandardCharsets.UTF_8);
    /** GM/T 0009 default signer id, which our SM2 signer uses; OpenSSL 3 defaults to an empty id instead. */
    private static final String SM2_DISTINGUISHING_ID = "1234567812345678";
    /** SM2 in OpenSSL 3 needs the digest and the id spelled out for both -sign and -verify. */
    private static final List<String> SM2_OPTIONS = List.of("-digest", "sm3", "-pkeyopt", "distid:" + SM2_DISTINGUISHING_ID);
    private static final String AUTHORITY = "HRSS-440000";
    private static final String KID = AUTHORITY + "-k1";
    private static final String ISSUER = "https://etitle.example/issuers/" + AUTHORITY;
    private static final Instant ISSUED_AT = Instant.parse("2026-06-18T09:30:00Z");

    @TempDir
    Path dir;

    enum Verdict { VERIFIED, REJECTED }

    @BeforeAll
    static void openssl_3_is_on_the_path() {
        Run version = run(Path.of("."), "openssl", "version");
        String text = version.text().trim();
        // Ed25519 and SM2 with -rawin and a distinguishing id need OpenSSL 3.
        assertThat(text).as("`openssl version` printed %s; this check needs OpenSSL 3 or later", text)
                .matches("OpenSSL ([3-9]|[1-9][0-9])\\..*");
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

        assertThat(opensslVerify(key.publicKeySpki(), algorithm, hashDataByOpenssl(algorithm, secured), proofValue(secured)))
                .isEqualTo(Verdict.VERIFIED);
    }

    @ParameterizedTest
    @EnumSource(KeyAlgorithm.class)
    void openssl_rejects_a_data_integrity_proof_when_one_byte_of_the_hash_data_is_flipped(KeyAlgorithm algorithm) {
        Keys.PrivateKey key = Keys.generate(algorithm);
        ObjectNode secured = signedCredential(key);

        assertThat(opensslVerify(key.publicKeySpki(), algorithm, flipped(hashDataByOpenssl(algorithm, secured)), proofValue(secured)))
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

    /** Data Integrity hash data: H(JCS(proof config)) || H(JCS(document)), the digests computed by OpenSSL. */
    private byte[] hashDataByOpenssl(KeyAlgorithm algorithm, ObjectNode secured) {
        ObjectNode document = secured.deepCopy();
        ObjectNode proofConfig = (ObjectNode) document.remove("proof");
        proofConfig.remove("proofValue");
        return concat(opensslDigest(algorithm, Jcs.canonicalize(proofConfig)), opensslDigest(algorithm, Jcs.canonicalize(document)));
    }

    private byte[] opensslDigest(KeyAlgorithm algorithm, byte[] data) {
        Path input = write("digest-input", data);
        Run digest = run(dir, "openssl", "dgst", algorithm == KeyAlgorithm.SM2 ? "-sm3" : "-sha256", "-binary", input.toString());
        assertThat(digest.exitCode()).as("openssl dgst failed: %s", digest.text()).isZero();
        assertThat(digest.stdout()).hasSize(32);
        return digest.stdout();
    }

    /** Runs {@code openssl pkeyutl -verify}; anything but a clean verdict (bad key, bad DER) fails the test. */
    private Verdict opensslVerify(byte[] spki, KeyAlgorithm algorithm, byte[] message, byte[] signature) {
        Path publicKey = write("public.pem", Keys.publicKeyPem(spki).getBytes(StandardCharsets.US_ASCII));
        Path messageFile = write("message", message);
        List<String> command = new ArrayList<>(List.of("openssl", "pkeyutl", "-verify", "-pubin", "-inkey", publicKey.toString(),
                "-rawin", "-in", messageFile.toString()));
        if (algorithm == KeyAlgorithm.SM2) {
            command.addAll(List.of("-sigfile", write("signature.der", sm2Der(signature)).toString()));
            command.addAll(SM2_OPTIONS);
        } else {
            command.addAll(List.of("-sigfile", write("signature", signature).toString()));
        }
        Run verify = run(dir, command.toArray(String[]::new));
        if (verify.exitCode() == 0 && verify.text().contains("Signature Verified Successfully")) {
            return Verdict.VERIFIED;
        }
        if (verify.exitCode() != 0 && verify.text().contains("Signature Verification Failure")) {
            return Verdict.REJECTED;
        }
        throw new AssertionError("openssl gave no verdict (exit " + verify.exitCode() + "): " + verify.text());
    }

    /** Runs {@code openssl pkeyutl -sign} with the key as we write it to disk; returns the signature in our form. */
    private byte[] opensslSign(Keys.PrivateKey key, byte[] message) {
        Path privateKey = write("private.pem", key.toPem().getBytes(StandardCharsets.US_ASCII));
        Path messageFile = write("message", message);
        Path signatureFile = dir.resolve("signature.out");
        List<String> command = new ArrayList<>(List.of("openssl", "pkeyutl", "-sign", "-inkey", privateKey.toString(),
                "-rawin", "-in", messageFile.toString(), "-out", signatureFile.toString()));
        if (key.algorithm() == KeyAlgorithm.SM2) {
            command.addAll(SM2_OPTIONS);
        }
        Run sign = run(dir, command.toArray(String[]::new));
        assertThat(sign.exitCode()).as("openssl pkeyutl -sign failed: %s", sign.text()).isZero();
        byte[] signature = read(signatureFile);
        return key.algorithm() == KeyAlgorithm.SM2 ? sm2Plain(signature) : signature;
    }

    /** Our SM2 signatures are r||s (32 bytes each); OpenSSL reads the ASN.1 SEQUENCE { INTEGER r, INTEGER s }. */
    private static byte[] sm2Der(byte[] plain) {
        assertThat(plain).hasSize(64);
        BigInteger r = new BigInteger(1, Arrays.copyOfRange(plain, 0, 32));
        BigInteger s = new BigInteger(1, Arrays.copyOfRange(plain, 32, 64));
        try {
            return new DERSequence(new ASN1Encodable[] {new ASN1Integer(r), new ASN1Integer(s)}).getEncoded();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] sm2Plain(byte[] der) {
        ASN1Sequence sequence = ASN1Sequence.getInstance(der);
        assertThat(sequence.size()).isEqualTo(2);
        return concat(BigIntegers.asUnsignedByteArray(32, ASN1Integer.getInstance(sequence.getObjectAt(0)).getValue()),
                BigIntegers.asUnsignedByteArray(32, ASN1Integer.getInstance(sequence.getObjectAt(1)).getValue()));
    }

    private static ObjectNode signedCredential(Keys.PrivateKey key) {
        return DataIntegrity.addProof(credential(), key.signer(), ISSUER + "#" + KID, ISSUED_AT);
    }

    /** Shaped like CredentialFactory.credential, with the non-ASCII text real certificates carry. */
    private static ObjectNode credential() {
        ObjectNode vc = MAPPER.createObjectNode();
        vc.putArray("@context").add(CredentialFactory.VC_CONTEXT).add("https://etitle.example" + CredentialFactory.CONTEXT_PATH);
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

    private static byte[] proofValue(ObjectNode secured) {
        return Encodings.multibaseStrict(secured.path("proof").path("proofValue").asText()).orElseThrow();
    }

    private static byte[] flipped(byte[] data) {
        byte[] copy = data.clone();
        copy[copy.length / 2] ^= 0x01;
        return copy;
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    private Path write(String name, byte[] content) {
        try {
            return Files.write(dir.resolve(name), content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private record Run(int exitCode, byte[] stdout, byte[] stderr) {

        String text() {
            return new String(stdout, StandardCharsets.UTF_8) + new String(stderr, StandardCharsets.UTF_8);
        }
    }

    /** Runs a command; a missing executable fails the test, because a skipped cross-check checks nothing. */
    private static Run run(Path workingDirectory, String... command) {
        Process process;
        try {
            process = new ProcessBuilder(command).directory(workingDirectory.toFile()).start();
        } catch (IOException e) {
            throw new AssertionError("cannot run " + command[0] + ": the OpenSSL cross-check needs the `openssl` CLI"
                    + " (OpenSSL 3, with Ed25519, SM2 and SM3) on the PATH, as CI machines have it", e);
        }
        try {
            // Closed stdin: every command here reads files, and none may wait for a terminal.
            process.getOutputStream().close();
            // stdout is binary for `dgst -binary`, so it is kept apart from stderr rather than merged into it;
            // openssl writes only a few lines to stderr, far below what would fill the pipe while stdout is read.
            byte[] stdout = process.getInputStream().readAllBytes();
            byte[] stderr = process.getErrorStream().readAllBytes();
            return new Run(process.waitFor(), stdout, stderr);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while running openssl", e);
        }
    }
}
