package com.etitle.authority;

import java.util.LinkedHashMap;
import java.util.List;
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
    public String name() {
        return PublicIds.AUTHORITY_CONTEXT_PATH.substring(PublicIds.CONTEXTS_PATH.length() + 1);
    }

    @Override
    public Map<String, Object> document() {
        String vocab = ids.authorityContextUrl() + "#";
        Map<String, Object> terms = new LinkedHashMap<>();
        terms.put("@version", 1.1);
        terms.put("@protected", true);
        terms.put("name", "https://schema.org/name");
        for (String term : List.of("code", "region", "algorithm", "kid", "status")) {
            terms.put(term, vocab + term);
        }
        terms.put("keys", Map.of("@id", vocab + "keys", "@container", "@set"));
        terms.put("version", Map.of("@id", vocab + "version", "@type", XSD + "integer"));
        terms.put("createdAt", Map.of("@id", vocab + "createdAt", "@type", XSD + "dateTime"));
        terms.put("compromisedAt", Map.of("@id", vocab + "compromisedAt", "@type", XSD + "dateTime"));
        terms.put("JsonWebKey", SECURITY + "JsonWebKey");
        terms.put("publicKeyJwk", Map.of("@id", SECURITY + "publicKeyJwk", "@type", "@json"));
        return Map.of("@context", terms);
    }
}
