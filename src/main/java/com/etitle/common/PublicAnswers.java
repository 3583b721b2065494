package com.etitle.common;

import java.time.Duration;
import java.util.HexFormat;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;

import com.etitle.crypto.Hashes;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Answers of the public registers the way a portal or CDN caches them: {@code Cache-Control: public}
 * with a short max-age and a strong ETag over the exact bytes sent, so a conditional GET with
 * {@code If-None-Match} gets 304 without a body. The tag is derived from the content, not from a version
 * column, so anything that changes the answer (an entry withdrawn, a window that closed) changes the tag.
 */
@ApplicationScoped
public class PublicAnswers {

    private final ObjectMapper mapper;

    PublicAnswers(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    public Response ok(Request request, Object body, Duration maxAge) {
        byte[] bytes;
        try {
            bytes = mapper.writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise a public answer", e);
        }
        EntityTag tag = new EntityTag(HexFormat.of().formatHex(Hashes.sha256(bytes), 0, 16));
        String cacheControl = "public, max-age=" + maxAge.toSeconds();
        Response.ResponseBuilder notModified = request.evaluatePreconditions(tag);
        if (notModified != null) {
            return notModified.tag(tag).header("Cache-Control", cacheControl).build();
        }
        return Response.ok(bytes, "application/json").tag(tag).header("Cache-Control", cacheControl).build();
    }
}
