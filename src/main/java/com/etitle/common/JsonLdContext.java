package com.etitle.common;

import java.util.Map;

/**
 * A JSON-LD context this deployment publishes under {@code /ns/}: each feature that signs documents with terms of
 * its own defines them in one, so that a verifier's JSON-LD processor (in safe mode) drops nothing.
 */
public interface JsonLdContext {

    /** XML Schema datatypes, for typed literals such as dates. */
    String XSD = "http://www.w3.org/2001/XMLSchema#";

    /** The part of the path after {@code /ns/}, e.g. {@code professional-title/v1}. */
    String name();

    /** The context document: {@code {"@context": {...}}}. */
    Map<String, Object> document();
}
