package com.etitle.authority;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.etitle.crypto.KeyAlgorithm;
import com.etitle.crypto.Keys;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * An issuing authority's document: its name, region and every key version with its status, and also the
 * controller document (W3C Controlled Identifiers, with DID v1 terms) of the verification methods that proofs
 * made before the DIDs name ({@code <this url>#<kid>}). {@code alsoKnownAs} links the authority's DID. Every term
 * is defined by a context it names, so a JSON-LD processor in safe mode drops nothing.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "AuthorityDocument")
public record IssuerView(
        @JsonProperty("@context") List<String> context,
        @Schema(description = "The URL of this document") String id,
        @Schema(description = "The authority's DID, which new credentials name as their issuer") List<String> alsoKnownAs,
        String code,
        String name,
        String region,
        KeyAlgorithm algorithm,
        List<VerificationMethod> verificationMethod,
        List<String> assertionMethod,
        List<KeyView> keys) {

    public static final String DID_CONTEXT = "https://www.w3.org/ns/did/v1";
    public static final String MULTIKEY_CONTEXT = "https://w3id.org/security/multikey/v1";

    static IssuerView of(Authority authority, List<SigningKey> keys, PublicIds ids) {
        String id = ids.authorityDocument(authority.code);
        List<VerificationMethod> methods = verifiable(keys).stream()
                .map(k -> VerificationMethod.of(k, id, ids.authorityDocumentMethod(authority.code, k.kid)))
                .toList();
        List<String> context = new ArrayList<>(contexts(methods, ids));
        if (!context.contains(ids.authorityContextUrl())) {
            context.add(ids.authorityContextUrl());
        }
        return new IssuerView(context, id, List.of(ids.issuerId(authority.code)), authority.code, authority.name, authority.region,
                authority.algorithm, methods, methods.stream().map(VerificationMethod::id).toList(), keys.stream().map(KeyView::of).toList());
    }

    /** The key versions a proof may name: compromised ones are left out, so no verifier accepts what they signed. */
    static List<SigningKey> verifiable(List<SigningKey> keys) {
        return keys.stream().filter(k -> k.status == SigningKey.Status.ACTIVE).toList();
    }

    /**
     * DID v1 first (a verifier then takes the document as it is, without framing), Multikey for Ed25519 keys, and our
     * authority context where a JsonWebKey (SM2) needs its terms.
     */
    static List<String> contexts(List<VerificationMethod> methods, PublicIds ids) {
        List<String> context = new ArrayList<>(List.of(DID_CONTEXT, MULTIKEY_CONTEXT));
        if (methods.stream().anyMatch(m -> m.publicKeyJwk() != null)) {
            context.add(ids.authorityContextUrl());
        }
        return context;
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
