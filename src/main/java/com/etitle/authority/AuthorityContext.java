package com.etitle.authority;

import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import com.etitle.common.JsonLdContext;

/**
 * The terms of the authority document beyond DID v1 and Multikey: the authority's code, name and region, its key
 * versions with their status, and JsonWebKey (SM2 keys, which have no Multikey profile).
 */
@ApplicationScoped
class AuthorityContext implements JsonLdContext {

    private static final String SECURITY = "https://w3id.org/security#";

    private final PublicIds ids;

    AuthorityContext(PublicIds ids) {
        this.ids = ids;
    }

    @Override
    public String path() {
        return PublicIds.AUTHORITY_CONTEXT_PATH;
    }

    @Override
    public Map<String, Object> document() {
        return Terms.of(ids.authorityContextUrl())
                .iri("name", "https://schema.org/name")
                .plain("code", "region", "algorithm", "kid", "status")
                .container("keys", "@set")
                .typed("version", XSD + "integer")
                .typed("createdAt", XSD + "dateTime")
                .typed("compromisedAt", XSD + "dateTime")
                .iri("JsonWebKey", SECURITY + "JsonWebKey")
                .typed("publicKeyJwk", SECURITY + "publicKeyJwk", "@json")
                .document();
    }
}
