package com.etitle.crypto;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * JWS compact serialisation (RFC 7515) of a small claim set, the form that fits a QR code. Parsing is
 * strict: exactly three canonical base64url parts, a JSON-object header with no duplicate members, and an
 * {@code alg} from our allow-list only ({@code none} and everything else is refused before any key is used).
 */
public final class CompactJws {

    private CompactJws() {
    }

    public static String sign(Map<String, ?> header, Map<String, ?> claims, Signer signer, ObjectMapper mapper) {
        try {
            String signingInput = Encodings.base64Url(mapper.writeValueAsBytes(header)) + "."
                    + Encodings.base64Url(mapper.writeValueAsBytes(claims));
            byte[] signature = signer.sign(signingInput.getBytes(StandardCharsets.US_ASCII));
            return signingInput + "." + Encodings.base64Url(signature);
        } catch (IOException e) {
            throw new CryptoException("cannot serialise token", e);
        }
    }

    /** One signature of a JWS in the general JSON serialisation: its protected header and who signs. */
    public record Signature(Map<String, ?> header, Signer signer) {
    }

    /**
     * The JWS JSON general serialisation (RFC 7515 §7.2.1) of one payload signed by several keys: {@code payload} and
     * one {@code {protected, signature}} per signer, each over the same signing input as a compact JWS would be.
     */
    public static Map<String, Object> signGeneral(byte[] payload, List<Signature> signatures, ObjectMapper mapper) {
        String encodedPayload = Encodings.base64Url(payload);
        List<Map<String, String>> signed = new ArrayList<>();
        for (Signature s : signatures) {
            try {
                String header = Encodings.base64Url(mapper.writeValueAsBytes(s.header()));
                byte[] signature = s.signer().sign((header + "." + encodedPayload).getBytes(StandardCharsets.US_ASCII));
                signed.add(Map.of("protected", header, "signature", Encodings.base64Url(signature)));
            } catch (IOException e) {
                throw new CryptoException("cannot serialise a JWS header", e);
            }
        }
        Map<String, Object> jws = new LinkedHashMap<>();
        jws.put("payload", encodedPayload);
        jws.put("signatures", signed);
        return jws;
    }

    public enum Defect {
        /** Not three canonical base64url parts, or a header that is not a JSON object. */
        MALFORMED,
        /** {@code alg} missing, {@code none}, or not one we sign with. */
        UNSUPPORTED_ALGORITHM,
        /** no {@code kid} in the header. */
        NO_KEY_ID
    }

    /** A token whose header has been read; the signature is not yet checked. */
    public record Parsed(KeyAlgorithm algorithm, String keyId, byte[] signingInput, byte[] payload, byte[] signature) {

        public boolean verifiedBy(Verifier verifier) {
            return verifier.algorithm() == algorithm && verifier.verify(signingInput, signature);
        }

        public Optional<JsonNode> claims(ObjectMapper strictMapper) {
            try {
                JsonNode node = strictMapper.readTree(payload);
                return node != null && node.isObject() ? Optional.of(node) : Optional.empty();
            } catch (IOException e) {
                return Optional.empty();
            }
        }
    }

    public record Reading(Optional<Parsed> parsed, Optional<Defect> defect) {
    }

    public static Reading read(String token, ObjectMapper strictMapper) {
        String[] parts = token == null ? new String[0] : token.split("\\.", -1);
        if (parts.length != 3) {
            return failed(Defect.MALFORMED);
        }
        Optional<byte[]> header = Encodings.base64UrlStrict(parts[0]);
        Optional<byte[]> payload = Encodings.base64UrlStrict(parts[1]);
        Optional<byte[]> signature = Encodings.base64UrlStrict(parts[2]);
        if (header.isEmpty() || payload.isEmpty() || signature.isEmpty()) {
            return failed(Defect.MALFORMED);
        }
        JsonNode headerJson;
        try {
            headerJson = strictMapper.readTree(header.get());
        } catch (IOException e) {
            return failed(Defect.MALFORMED);
        }
        if (headerJson == null || !headerJson.isObject()) {
            return failed(Defect.MALFORMED);
        }
        JsonNode alg = headerJson.get("alg");
        Optional<KeyAlgorithm> algorithm = alg != null && alg.isTextual() ? KeyAlgorithm.byJwsAlgorithm(alg.textValue()) : Optional.empty();
        if (algorithm.isEmpty()) {
            return failed(Defect.UNSUPPORTED_ALGORITHM);
        }
        JsonNode kid = headerJson.get("kid");
        if (kid == null || !kid.isTextual() || kid.textValue().isEmpty()) {
            return failed(Defect.NO_KEY_ID);
        }
        byte[] signingInput = (parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII);
        return new Reading(Optional.of(new Parsed(algorithm.get(), kid.textValue(), signingInput, payload.get(), signature.get())), Optional.empty());
    }

    private static Reading failed(Defect defect) {
        return new Reading(Optional.empty(), Optional.of(defect));
    }
}
