package com.etitle.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;

import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.asn1.DERSequence;
import org.bouncycastle.util.BigIntegers;

import com.etitle.crypto.Encodings;
import com.etitle.crypto.Jcs;
import com.etitle.crypto.KeyAlgorithm;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The OpenSSL 3 command line as a second, independent implementation of Ed25519, SM2, SHA-256 and SM3:
 * what a verifier outside this service (a province's system, an auditor with a shell) would use. Files go
 * to the folder given; a missing {@code openssl} fails the test, because a skipped cross-check checks nothing.
 */
public final class OpenSsl {

    public enum Verdict { VERIFIED, REJECTED }

    /** GM/T 0009 default signer id, which our SM2 signer uses; OpenSSL 3 defaults to an empty id instead. */
    private static final String SM2_DISTINGUISHING_ID = "1234567812345678";
    /** SM2 in OpenSSL 3 needs the digest and the id spelled out for both -sign and -verify. */
    private static final List<String> SM2_OPTIONS = List.of("-digest", "sm3", "-pkeyopt", "distid:" + SM2_DISTINGUISHING_ID);
    /** DER prefix of an Ed25519 SubjectPublicKeyInfo (RFC 8410); the 32 raw key bytes follow it. */
    private static final byte[] ED25519_SPKI_PREFIX = {0x30, 0x2a, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x70, 0x03, 0x21, 0x00};

    /**
     * DER prefix of an SM2 SubjectPublicKeyInfo: id-ecPublicKey with the curve sm2p256v1 (1.2.156.10197.1.301), then
     * the uncompressed point 04 || x || y.
     */
    private static final byte[] SM2_SPKI_PREFIX = {0x30, 0x59, 0x30, 0x13, 0x06, 0x07, 0x2a, (byte) 0x86, 0x48, (byte) 0xce, 0x3d,
            0x02, 0x01, 0x06, 0x08, 0x2a, (byte) 0x81, 0x1c, (byte) 0xcf, 0x55, 0x01, (byte) 0x82, 0x2d, 0x03, 0x42, 0x00, 0x04};

    private final Path dir;

    public OpenSsl(Path dir) {
        this.dir = dir;
    }

    /**
     * Checks a document the service signed (a void notice, a status list) the way an outsider would: the
     * Ed25519 key from /.well-known/jwks.json turned into PEM by hand, the two digests of the JCS forms and
     * the signature checked by OpenSSL.
     */
    public Verdict verifyWithPublishedKey(ObjectNode signed) {
        String method = signed.at("/proof/verificationMethod").asText();
        String kid = method.substring(method.indexOf('#') + 1);
        java.util.Map<String, String> jwk = io.restassured.RestAssured.given().get("/.well-known/jwks.json").then().statusCode(200)
                .extract().jsonPath().getMap("keys.find { it.kid == '" + kid + "' }");
        assertThat(jwk).as("published key %s", kid).containsEntry("kty", "OKP").containsEntry("crv", "Ed25519");
        String pem = ed25519PublicKeyPem(Base64.getUrlDecoder().decode(jwk.get("x")));
        return verify(pem, KeyAlgorithm.ED25519, dataIntegrityHashData(KeyAlgorithm.ED25519, signed), proofValue(signed));
    }

    /**
     * Checks a credential the way an outsider would, for either algorithm: the key of its verification method taken
     * from /.well-known/jwks.json and turned into PEM by hand, the digests of the JCS forms and the signature by OpenSSL.
     */
    public Verdict verifyCredentialWithPublishedKey(ObjectNode signed) {
        String method = signed.at("/proof/verificationMethod").asText();
        PublishedKey key = publishedKey(method.substring(method.indexOf('#') + 1));
        return verify(key.pem(), key.algorithm(), dataIntegrityHashData(key.algorithm(), signed), proofValue(signed));
    }

    /** Checks a compact token (JWS) over its ASCII signing input with the published key its header names. */
    public Verdict verifyTokenWithPublishedKey(String token) {
        String[] parts = token.split("\\.");
        assertThat(parts).hasSize(3);
        String header = new String(Base64.getUrlDecoder().decode(parts[0]), StandardCharsets.UTF_8);
        String kid = io.restassured.path.json.JsonPath.from(header).getString("kid");
        PublishedKey key = publishedKey(kid);
        return verify(key.pem(), key.algorithm(), (parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII),
                Base64.getUrlDecoder().decode(parts[2]));
    }

    /**
     * A signed document (a credential, a void notice, a status list) checked with a key of {@code jwks}, the JWKS that a
     * service started as a process serves: the same check as {@link #verifyCredentialWithPublishedKey} for a service this
     * test did not start in-process.
     */
    public Verdict verifyDocumentWith(JsonNode jwks, ObjectNode signed) {
        String method = signed.at("/proof/verificationMethod").asText();
        PublishedKey key = keyOf(jwkIn(jwks, method.substring(method.indexOf('#') + 1)));
        return verify(key.pem(), key.algorithm(), dataIntegrityHashData(key.algorithm(), signed), proofValue(signed));
    }

    /** A compact JWS (a token, a Token Status List) checked with the key of {@code jwks} its header names. */
    public Verdict verifyJwsWith(JsonNode jwks, String jws) {
        String[] parts = jws.split("\\.");
        assertThat(parts).hasSize(3);
        String header = new String(Base64.getUrlDecoder().decode(parts[0]), StandardCharsets.UTF_8);
        PublishedKey key = keyOf(jwkIn(jwks, io.restassured.path.json.JsonPath.from(header).getString("kid")));
        return verify(key.pem(), key.algorithm(), (parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII),
                Base64.getUrlDecoder().decode(parts[2]));
    }

    private static java.util.Map<String, String> jwkIn(JsonNode jwks, String kid) {
        for (JsonNode key : jwks.path("keys")) {
            if (kid.equals(key.path("kid").asText())) {
                java.util.Map<String, String> jwk = new java.util.HashMap<>();
                key.fields().forEachRemaining(e -> jwk.put(e.getKey(), e.getValue().asText()));
                return jwk;
            }
        }
        throw new AssertionError("no key " + kid + " in the JWKS " + jwks);
    }

    private record PublishedKey(KeyAlgorithm algorithm, String pem) {
    }

    private static PublishedKey publishedKey(String kid) {
        java.util.Map<String, String> jwk = io.restassured.RestAssured.given().get("/.well-known/jwks.json").then().statusCode(200)
                .extract().jsonPath().getMap("keys.find { it.kid == '" + kid + "' }");
        assertThat(jwk).as("published key %s", kid).isNotNull();
        return keyOf(jwk);
    }

    /** A key of the JWKS as PEM: Ed25519 from its raw x, SM2 from its x and y on the sm2p256v1 curve. */
    private static PublishedKey keyOf(java.util.Map<String, String> jwk) {
        if ("Ed25519".equals(jwk.get("crv"))) {
            return new PublishedKey(KeyAlgorithm.ED25519, ed25519PublicKeyPem(Base64.getUrlDecoder().decode(jwk.get("x"))));
        }
        assertThat(jwk).containsEntry("kty", "EC").containsEntry("crv", "SM2");
        byte[] x = Base64.getUrlDecoder().decode(jwk.get("x"));
        byte[] y = Base64.getUrlDecoder().decode(jwk.get("y"));
        assertThat(x).hasSize(32);
        assertThat(y).hasSize(32);
        byte[] spki = concat(concat(SM2_SPKI_PREFIX, x), y);
        return new PublishedKey(KeyAlgorithm.SM2, "-----BEGIN PUBLIC KEY-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(spki) + "\n-----END PUBLIC KEY-----\n");
    }

    /** Fails unless {@code openssl version} says 3 or later: Ed25519 and SM2 with -rawin and a distinguishing id need it. */
    public static void assertVersion3() {
        String text = run(Path.of("."), "openssl", "version").text().trim();
        assertThat(text).as("`openssl version` printed %s; this check needs OpenSSL 3 or later", text)
                .matches("OpenSSL ([3-9]|[1-9][0-9])\\..*");
    }

    /** The PEM of an Ed25519 public key given as its 32 raw bytes (a JWK's {@code x}), built by hand rather than by our code. */
    public static String ed25519PublicKeyPem(byte[] raw) {
        assertThat(raw).hasSize(32);
        byte[] spki = Arrays.copyOf(ED25519_SPKI_PREFIX, ED25519_SPKI_PREFIX.length + raw.length);
        System.arraycopy(raw, 0, spki, ED25519_SPKI_PREFIX.length, raw.length);
        return "-----BEGIN PUBLIC KEY-----\n" + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(spki) + "\n-----END PUBLIC KEY-----\n";
    }

    /** SHA-256 (SM3 for SM2) of the data, by {@code openssl dgst}. */
    public byte[] digest(KeyAlgorithm algorithm, byte[] data) {
        Path input = write("digest-input", data);
        Run digest = run(dir, "openssl", "dgst", algorithm == KeyAlgorithm.SM2 ? "-sm3" : "-sha256", "-binary", input.toString());
        assertThat(digest.exitCode()).as("openssl dgst failed: %s", digest.text()).isZero();
        assertThat(digest.stdout()).hasSize(32);
        return digest.stdout();
    }

    /**
     * Data Integrity hash data of a secured document, H(JCS(proof config)) || H(JCS(document without proof)),
     * with the digests computed by OpenSSL.
     */
    public byte[] dataIntegrityHashData(KeyAlgorithm algorithm, ObjectNode secured) {
        ObjectNode document = secured.deepCopy();
        ObjectNode proofConfig = (ObjectNode) document.remove("proof");
        proofConfig.remove("proofValue");
        return concat(digest(algorithm, Jcs.canonicalize(proofConfig)), digest(algorithm, Jcs.canonicalize(document)));
    }

    /** The signature bytes of a Data Integrity proof (multibase base58btc). */
    public static byte[] proofValue(ObjectNode secured) {
        return Encodings.multibaseStrict(secured.path("proof").path("proofValue").asText()).orElseThrow();
    }

    /** Runs {@code openssl pkeyutl -verify}; anything but a clean verdict (bad key, bad DER) fails the test. */
    public Verdict verify(String publicKeyPem, KeyAlgorithm algorithm, byte[] message, byte[] signature) {
        return algorithm == KeyAlgorithm.SM2 ? verifySm2Der(publicKeyPem, message, sm2Der(signature))
                : pkeyutlVerify(publicKeyPem, message, signature, List.of());
    }

    /**
     * SM3withSM2 with the GM/T 0009 default id, the signature in DER ({@code SEQUENCE {r, s}}) as GB/T 38540 and X.509
     * carry it: {@code openssl pkeyutl -verify -rawin -digest sm3 -pkeyopt distid:1234567812345678}.
     */
    public Verdict verifySm2Der(String publicKeyPem, byte[] message, byte[] derSignature) {
        return pkeyutlVerify(publicKeyPem, message, derSignature, SM2_OPTIONS);
    }

    /** The PEM of the public key in a DER certificate, as {@code openssl x509 -pubkey} prints it. */
    public String publicKeyOfCertificate(byte[] certificateDer) {
        Run x509 = run(dir, "openssl", "x509", "-inform", "DER", "-in", write("certificate.der", certificateDer).toString(), "-noout",
                "-pubkey");
        assertThat(x509.exitCode()).as("openssl x509 failed: %s", x509.text()).isZero();
        return new String(x509.stdout(), StandardCharsets.US_ASCII);
    }

    /**
     * {@code openssl verify -vfyopt distid:1234567812345678 -CAfile root.pem leaf.pem}: whether the certificate leads to the
     * root. SM2 certificates are signed with the GM/T 0009 default id (GM/T 0015); OpenSSL 3.0 checks certificate
     * signatures with an empty id unless told, and then reports every SM2 chain broken.
     */
    public Verdict verifyCertificate(String rootPem, String leafPem) {
        Run verify = run(dir, "openssl", "verify", "-vfyopt", "distid:" + SM2_DISTINGUISHING_ID, "-CAfile",
                write("root.pem", rootPem.getBytes(StandardCharsets.US_ASCII)).toString(),
                write("leaf.pem", leafPem.getBytes(StandardCharsets.US_ASCII)).toString());
        if (verify.exitCode() == 0 && verify.text().contains(": OK")) {
            return Verdict.VERIFIED;
        }
        if (verify.exitCode() != 0 && verify.text().contains("verification failed")) {
            return Verdict.REJECTED;
        }
        throw new AssertionError("openssl verify gave no verdict (exit " + verify.exitCode() + "): " + verify.text());
    }

    /** One element of DER as {@code openssl asn1parse} lists it: where it starts, its depth, header and content lengths. */
    public record Asn1(int offset, int depth, int headerLength, int length, String type, String value) {

        /** The element's bytes, header included. */
        public byte[] in(byte[] der) {
            return Arrays.copyOfRange(der, offset, offset + headerLength + length);
        }

        /** The element's content, without its header. */
        public byte[] content(byte[] der) {
            return Arrays.copyOfRange(der, offset + headerLength, offset + headerLength + length);
        }
    }

    private static final java.util.regex.Pattern ASN1_LINE = java.util.regex.Pattern.compile(
            "\\s*(\\d+):d=(\\d+)\\s+hl=(\\d+)\\s+l=\\s*(\\d+)\\s+(?:prim|cons):\\s*([A-Za-z0-9 \\[\\]]*?)\\s*(?:\\[HEX DUMP\\])?\\s*(?::(.*))?");

    /** Every element of the DER, in order, as {@code openssl asn1parse -inform DER} reads it: an outside reading of the structure. */
    public List<Asn1> asn1(byte[] der) {
        Run parse = run(dir, "openssl", "asn1parse", "-inform", "DER", "-in", write("structure.der", der).toString());
        assertThat(parse.exitCode()).as("openssl asn1parse failed: %s", parse.text()).isZero();
        List<Asn1> elements = new ArrayList<>();
        for (String line : new String(parse.stdout(), StandardCharsets.UTF_8).split("\n")) {
            java.util.regex.Matcher m = ASN1_LINE.matcher(line);
            if (m.matches()) {
                elements.add(new Asn1(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)),
                        Integer.parseInt(m.group(4)), m.group(5).trim(), m.group(6) == null ? "" : m.group(6).trim()));
            }
        }
        return elements;
    }

    private Verdict pkeyutlVerify(String publicKeyPem, byte[] message, byte[] signature, List<String> options) {
        Path publicKey = write("public.pem", publicKeyPem.getBytes(StandardCharsets.US_ASCII));
        Path messageFile = write("message", message);
        List<String> command = new ArrayList<>(List.of("openssl", "pkeyutl", "-verify", "-pubin", "-inkey", publicKey.toString(),
                "-rawin", "-in", messageFile.toString(), "-sigfile", write("signature", signature).toString()));
        command.addAll(options);
        Run verify = run(dir, command.toArray(String[]::new));
        if (verify.exitCode() == 0 && verify.text().contains("Signature Verified Successfully")) {
            return Verdict.VERIFIED;
        }
        if (verify.exitCode() != 0 && verify.text().contains("Signature Verification Failure")) {
            return Verdict.REJECTED;
        }
        throw new AssertionError("openssl gave no verdict (exit " + verify.exitCode() + "): " + verify.text());
    }

    /** Runs {@code openssl pkeyutl -sign} with a PKCS#8 PEM key; returns the signature in our form (r||s for SM2). */
    public byte[] sign(String privateKeyPem, KeyAlgorithm algorithm, byte[] message) {
        Path privateKey = write("private.pem", privateKeyPem.getBytes(StandardCharsets.US_ASCII));
        Path messageFile = write("message", message);
        Path signatureFile = dir.resolve("signature.out");
        List<String> command = new ArrayList<>(List.of("openssl", "pkeyutl", "-sign", "-inkey", privateKey.toString(),
                "-rawin", "-in", messageFile.toString(), "-out", signatureFile.toString()));
        if (algorithm == KeyAlgorithm.SM2) {
            command.addAll(SM2_OPTIONS);
        }
        Run sign = run(dir, command.toArray(String[]::new));
        assertThat(sign.exitCode()).as("openssl pkeyutl -sign failed: %s", sign.text()).isZero();
        byte[] signature = read(signatureFile);
        return algorithm == KeyAlgorithm.SM2 ? sm2Plain(signature) : signature;
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
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
