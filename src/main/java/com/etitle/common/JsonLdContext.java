package com.etitle.common;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A JSON-LD context this deployment publishes under {@code /ns/}: each feature that signs documents with terms of
 * its own defines them in one, so that a verifier's JSON-LD processor (in safe mode) drops nothing.
 */
public interface JsonLdContext {

    /** XML Schema datatypes, for typed literals such as dates. */
    String XSD = "http://www.w3.org/2001/XMLSchema#";

    /** Where it is served: {@code /ns/<name>/<version>}. */
    String path();

    /** The context document: {@code {"@context": {...}}}. */
    Map<String, Object> document();

    /**
     * The term definitions of a JSON-LD 1.1 context, protected (a later context may not redefine them): each term's
     * IRI is the vocabulary's IRI and the term, unless one is given.
     */
    final class Terms {

        private final String vocabulary;
        private final Map<String, Object> terms = new LinkedHashMap<>();

        private Terms(String vocabulary) {
            this.vocabulary = vocabulary;
            terms.put("@version", 1.1);
            terms.put("@protected", true);
        }

        /** Terms whose IRIs are {@code <context url>#<term>}. */
        public static Terms of(String contextUrl) {
            return new Terms(contextUrl + "#");
        }

        public Terms plain(String... names) {
            for (String name : names) {
                terms.put(name, vocabulary + name);
            }
            return this;
        }

        /** A term defined elsewhere (schema.org, the security vocabulary). */
        public Terms iri(String name, String iri) {
            terms.put(name, iri);
            return this;
        }

        /** A term whose values are literals of this type (an XSD datatype, or {@code @json}). */
        public Terms typed(String name, String type) {
            terms.put(name, Map.of("@id", vocabulary + name, "@type", type));
            return this;
        }

        /** A term defined elsewhere whose values are literals of this type. */
        public Terms typed(String name, String iri, String type) {
            terms.put(name, Map.of("@id", iri, "@type", type));
            return this;
        }

        /** A term whose values are a {@code @set} or a {@code @list}. */
        public Terms container(String name, String container) {
            terms.put(name, Map.of("@id", vocabulary + name, "@container", container));
            return this;
        }

        public Map<String, Object> document() {
            return Map.of("@context", new LinkedHashMap<>(terms));
        }
    }
}
