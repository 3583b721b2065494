package com.etitle.authority;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.etitle.crypto.KeyAlgorithm;
import com.etitle.crypto.Keys;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * An issuing authority as published: a controller document (W3C Controlled Identifiers) whose
 * verification methods are the ids that credential proofs name, plus every key version with its status.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record IssuerView(
        @JsonProperty("@context") List<String> context,
        String id,
        String code,
        String name,
        String region,
        KeyAlgorithm algorithm,
        List<VerificationMethod> verificationMethod,
        List<String> assertionMethod,
        List<KeyView> keys) {

    public static final String CONTROLLER_CONTEXT = "https://www.w3.org/ns/cid/v1";

    static IssuerView of(Authority authority, List<SigningKey> keys, PublicIds ids) {
        String id = ids.issuerId(authority.code);
        List<VerificationMethod> methods = keys.stream()
                .filter(k -> k.status == SigningKey.Status.ACTIVE)
                .map(k -> VerificationMethod.of(k, id, ids.verificationMethod(authority.code, k.kid)))
                .toList();
        return new IssuerView(List.of(CONTROLLER_CONTEXT), id, authority.code, authority.name, authority.region, authority.algorithm,
                methods, methods.stream().map(VerificationMethod::id).toList(), keys.stream().map(KeyView::of).toList());
    }

    /** Multikey for Ed25519 (as eddsa-jcs-2022 expects); JsonWebKey for SM2, which has no Multikey profile yet. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record VerificationMethod(String id, String type, String controller, String publicKeyMultibase,
            Map<String, String> publicKeyJwk) {

        static VerificationMethod of(SigningKey key, String controller, String id) {
            return key.algorithm == KeyAlgorithm.ED25519
                    ? new VerificationMethod(id, "Multikey", controller, Keys.multikey(key.publicKey), null)
                    : new VerificationMethod(id, "JsonWebKey", controller, null, jwkWithKid(key));
        }
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record KeyView(String kid, int version, KeyAlgorithm algorithm, SigningKey.Status status, Instant createdAt,
            Instant compromisedAt, Map<String, String> publicKeyJwk) {

        static KeyView of(SigningKey key) {
            return new KeyView(key.kid, key.version, key.algorithm, key.status, key.createdAt, key.compromisedAt, jwkWithKid(key));
        }
    }

    static Map<String, String> jwkWithKid(SigningKey key) {
        Map<String, String> jwk = new LinkedHashMap<>();
        jwk.put("kid", key.kid);
        jwk.putAll(Keys.jwk(key.algorithm, key.publicKey));
        return jwk;
    }
}
