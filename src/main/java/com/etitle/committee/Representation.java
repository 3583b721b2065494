package com.etitle.committee;

import java.util.Arrays;
import java.util.Base64;

import com.etitle.crypto.Hashes;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A JSON body and its strong ETag: the first 128 bits of the SHA-256 of the exact bytes sent. Deriving the
 * tag from the bytes (rather than from row versions) makes it change exactly when what a client sees
 * changes: an edit to any committee on a page, a committee entering or leaving the filtered set (the
 * {@code total} moves), or a new release that shapes the JSON differently. Hashing costs microseconds, and
 * {@link PublicCommittees} keeps rendered pages with their tags.
 */
record Representation(byte[] body, String etag) {

    static Representation of(ObjectMapper mapper, Object value) {
        try {
            byte[] body = mapper.writeValueAsBytes(value);
            byte[] digest = Arrays.copyOf(Hashes.sha256(body), 16);
            return new Representation(body, "\"" + Base64.getUrlEncoder().withoutPadding().encodeToString(digest) + "\"");
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise " + value.getClass().getSimpleName(), e);
        }
    }

    /** {@code If-None-Match}: weak comparison (RFC 9110 §13.1.2), so a W/ tag a proxy weakened still matches. */
    boolean matchesNoneMatch(String header) {
        return header != null && anyTag(header, true);
    }

    /** {@code If-Match}: strong comparison (RFC 9110 §13.1.1); an absent header is no condition at all. */
    boolean satisfiesIfMatch(String header) {
        return header == null || header.isBlank() || anyTag(header, false);
    }

    private boolean anyTag(String header, boolean weakAllowed) {
        for (String candidate : header.split(",")) {
            String tag = candidate.strip();
            if (tag.equals("*")) {
                return true;
            }
            if (tag.startsWith("W/")) {
                if (!weakAllowed) {
                    continue;
                }
                tag = tag.substring(2);
            }
            if (tag.equals(etag)) {
                return true;
            }
        }
        return false;
    }
}
