package com.etitle.authority;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The DID document of an authority's did:web DID: the verification methods that new credentials, status lists and
 * void notices name ({@code <did>#<kid>}), only the key versions that still verify. Nothing else is in it, so any
 * DID resolver and VC library reads it as it is; the authority's name, region and key history are in the authority
 * document that {@code alsoKnownAs} links.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "DidDocument")
public record DidDocument(
        @JsonProperty("@context") List<String> context,
        @Schema(example = "did:web:etitle.example.gov.cn:issuers:HRSS-440000") String id,
        @Schema(description = "The authority document's URL") List<String> alsoKnownAs,
        List<IssuerView.VerificationMethod> verificationMethod,
        List<String> assertionMethod) {

    static DidDocument of(Authority authority, List<SigningKey> keys, PublicIds ids) {
        String did = ids.issuerId(authority.code);
        List<IssuerView.VerificationMethod> methods = IssuerView.verifiable(keys).stream()
                .map(k -> IssuerView.VerificationMethod.of(k, did, ids.verificationMethod(authority.code, k.kid)))
                .toList();
        return new DidDocument(IssuerView.contexts(methods, ids), did, List.of(ids.authorityDocument(authority.code)), methods,
                methods.stream().map(IssuerView.VerificationMethod::id).toList());
    }
}
