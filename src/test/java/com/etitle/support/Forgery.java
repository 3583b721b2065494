package com.etitle.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

import com.etitle.crypto.CompactJws;
import com.etitle.crypto.CryptoException;
import com.etitle.crypto.DataIntegrity;
import com.etitle.crypto.KeyAlgorithm;
import com.etitle.crypto.Keys;
import com.etitle.crypto.Signer;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Takes signed forms apart and signs altered ones with an authority's real private key, read from the test
 * key folder. A forgery signed this way has a genuine signature, so a test that it is refused shows the
 * service checks more than the signature.
 */
public final class Forgery {

    private static final ObjectMapper JSON = new ObjectMapper();

    private Forgery() {
    }

    /** The private key of a key version: kid {@code CODE-kN} is the file {@code <keys>/CODE/vN.pem}. */
    public static Signer signer(String authority, String keyId) {
        String version = keyId.substring(keyId.lastIndexOf("-k") + 2);
        Path file = TestEnvironment.keysDir().resolve(authority).resolve("v" + version + ".pem");
        String pem;
        try {
            pem = Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try {
            return Keys.fromPem(pem, KeyAlgorithm.ED25519).signer();
        } catch (CryptoException notEd25519) {
            return Keys.fromPem(pem, KeyAlgorithm.SM2).signer();
        }
    }

    /** A compact token over the claims, with the header the service itself writes. */
    public static String signToken(String authority, String keyId, Map<String, ?> claims) {
        Signer signer = signer(authority, keyId);
        Map<String, Object> header = new LinkedHashMap<>();
        header.put("alg", signer.algorithm().jwsAlgorithm());
        header.put("kid", keyId);
        header.put("typ", "pt+jwt");
        return CompactJws.sign(header, claims, signer, JSON);
    }

    /** The credential (any proof it has is replaced) with a fresh proof naming the verification method. */
    public static ObjectNode signCredential(String authority, String keyId, ObjectNode credential, String verificationMethod) {
        return DataIntegrity.addProof(credential, signer(authority, keyId), verificationMethod, Instant.now());
    }

    /** The claims of a compact token, in their order. */
    public static Map<String, Object> claims(String token) {
        try {
            return JSON.readValue(Base64.getUrlDecoder().decode(part(token, 1)), new TypeReference<LinkedHashMap<String, Object>>() {
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Part 0 (header), 1 (payload) or 2 (signature) of a compact token, as sent. */
    public static String part(String token, int index) {
        return token.split("\\.", -1)[index];
    }

    /** A token of the given header JSON with the payload and signature parts as they are. */
    public static String withHeader(String headerJson, String payload, String signature) {
        return base64Url(headerJson.getBytes(StandardCharsets.UTF_8)) + "." + payload + "." + signature;
    }

    public static String base64Url(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
