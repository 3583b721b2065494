package com.etitle.common;

import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import com.etitle.crypto.Hashes;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Answers of the public registers the way a portal or CDN caches them: {@code Cache-Control: public}
 * with a short max-age and a strong ETag over the exact bytes sent, so a conditional GET with
 * {@code If-None-Match} gets 304 without a body. The tag is derived from the content, not from a version
 * column, so anything that changes the answer (an entry withdrawn, a window that closed) changes the tag.
 * <p>
 * List pages are also kept in this replica's memory for {@code etitle.public-answers.ttl} (default 1 s):
 * a busy portal then costs one query per page and second instead of one per request, and a page is at most
 * that much older than the database, well inside the max-age every client may cache it for anyway.
 */
@ApplicationScoped
public class PublicAnswers {

    private static final int MAX_CACHED = 10_000;

    private record Cached(byte[] bytes, EntityTag tag, long expiresAt, AtomicBoolean rebuilding) {
    }

    private final ObjectMapper mapper;
    private final long ttlNanos;
    private final LongSupplier ticker;
    private final Map<String, Cached> pages = new ConcurrentHashMap<>();

    @Inject
    PublicAnswers(ObjectMapper mapper, @ConfigProperty(name = "etitle.public-answers.ttl", defaultValue = "PT1S") Duration ttl) {
        this(mapper, ttl, System::nanoTime);
    }

    PublicAnswers(ObjectMapper mapper, Duration ttl, LongSupplier ticker) {
        this.mapper = mapper;
        this.ttlNanos = ttl.toNanos();
        this.ticker = ticker;
    }

    public Response ok(Request request, Object body, Duration maxAge) {
        byte[] bytes = serialise(body);
        return answer(request, bytes, new EntityTag(HexFormat.of().formatHex(Hashes.sha256(bytes), 0, 16)), maxAge);
    }

    /**
     * Like {@link #ok}, but the answer of {@code key} is built at most once per ttl on this replica. When a
     * page expires, one request rebuilds it while the others still get the previous one, so a burst of
     * requests never runs the same query many times at once.
     */
    public Response cached(Request request, String key, Supplier<Object> body, Duration maxAge) {
        long now = ticker.getAsLong();
        Cached page = pages.get(key);
        if (page == null || (now - page.expiresAt() >= 0 && page.rebuilding().compareAndSet(false, true))) {
            page = build(key, body, now);
        }
        return answer(request, page.bytes(), page.tag(), maxAge);
    }

    private Cached build(String key, Supplier<Object> body, long now) {
        Cached previous = pages.get(key);
        try {
            byte[] bytes = serialise(body.get());
            Cached page = new Cached(bytes, new EntityTag(HexFormat.of().formatHex(Hashes.sha256(bytes), 0, 16)), now + ttlNanos,
                    new AtomicBoolean());
            if (ttlNanos > 0) {
                if (pages.size() >= MAX_CACHED) {
                    pages.clear();
                }
                pages.put(key, page);
            }
            return page;
        } finally {
            if (previous != null) {
                previous.rebuilding().set(false);
            }
        }
    }

    private byte[] serialise(Object body) {
        try {
            return mapper.writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise a public answer", e);
        }
    }

    private static Response answer(Request request, byte[] bytes, EntityTag tag, Duration maxAge) {
        String cacheControl = "public, max-age=" + maxAge.toSeconds();
        Response.ResponseBuilder notModified = request == null ? null : request.evaluatePreconditions(tag);
        if (notModified != null) {
            return notModified.tag(tag).header("Cache-Control", cacheControl).build();
        }
        return Response.ok(bytes, "application/json").tag(tag).header("Cache-Control", cacheControl).build();
    }
}
