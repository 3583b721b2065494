package com.etitle.common;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import com.etitle.crypto.Hashes;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.runtime.Startup;

/**
 * Answers of the public registers (committees, publicity notices, qualification documents, void notices)
 * the way a portal or CDN caches them: {@code Cache-Control: public} with the register's max-age and a
 * strong ETag over the exact bytes sent, so a conditional GET with {@code If-None-Match} gets 304 without
 * a body. The tag is the first 128 bits of the SHA-256 of the bytes, not a version column, so anything that
 * changes the answer (an edit, an entry withdrawn, a window that closed, a new JSON shape after a release)
 * changes the tag, and nothing else does.
 * <p>
 * Pages may also be kept in this replica's memory, under one of two freshness rules chosen by the register:
 * <ul>
 * <li>{@link #cached}: built at most once per {@code etitle.public-answers.ttl} (default 1 s). A busy portal
 * then costs one query per page and second instead of one per request, and a page is at most that much older
 * than the database, well inside the max-age every client may cache it for anyway.</li>
 * <li>{@link #current}: kept while the register's version is the one it was built at. The register says
 * which version is current (the committee list reads it from PostgreSQL at most every 0.5 s and at once
 * after the replica's own writes), so such a page is never older than the register's own rule allows.</li>
 * </ul>
 * Answers that are cheap to build ({@link #ok}) are tagged but not kept.
 */
@ApplicationScoped
// made at start, so that its series are exported (from zero) before the first request counts
@Startup
public class PublicAnswers {

    /** Pages kept at most, and their bytes at most; beyond either the store starts afresh (distinct text queries). */
    static final int MAX_PAGES = 10_000;
    static final long MAX_BYTES = 64L << 20;
    /** Renderings kept per answer: two languages times the few ways of typing the same filters. */
    static final int MAX_RENDERINGS = 16;
    private static final long NO_VERSION = Long.MIN_VALUE;

    /**
     * A JSON body and its strong entity tag. The tag is also what a registrar sends back in {@code If-Match},
     * so write answers carry one made here too.
     */
    public record Tagged(byte[] bytes, EntityTag tag) {

        /** Tags the exact bytes, e.g. a signed document stored as published. */
        public static Tagged of(byte[] json) {
            byte[] digest = Arrays.copyOf(Hashes.sha256(json), 16);
            return new Tagged(json, new EntityTag(Base64.getUrlEncoder().withoutPadding().encodeToString(digest)));
        }

        /** The tag as sent in the {@code ETag} header, quotes included. */
        public String etag() {
            return "\"" + tag.getValue() + "\"";
        }

        /** {@code If-None-Match}: weak comparison (RFC 9110 §13.1.2), so a W/ tag a proxy weakened still matches. */
        public boolean matchesNoneMatch(String header) {
            return header != null && anyTag(header, true);
        }

        /** {@code If-Match}: strong comparison (RFC 9110 §13.1.1); an absent header is no condition at all. */
        public boolean satisfiesIfMatch(String header) {
            return header == null || header.isBlank() || anyTag(header, false);
        }

        private boolean anyTag(String header, boolean weakAllowed) {
            String etag = etag();
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

    /**
     * A kept answer: the body as built and its bytes as sent. A page for people renders the body, so that the page and
     * the API's JSON come from the same entry and never disagree.
     */
    public static final class Kept<T> {

        private final T body;
        private final Tagged answer;
        private final Map<Object, Tagged> renderings;
        private final AtomicLong bytesKept;

        Kept(T body, Tagged answer, Map<Object, Tagged> renderings, AtomicLong bytesKept) {
            this.body = body;
            this.answer = answer;
            this.renderings = renderings;
            this.bytesKept = bytesKept;
        }

        public T body() {
            return body;
        }

        public Tagged answer() {
            return answer;
        }

        /**
         * A rendering of the body (a page for people in one language, with the filters as typed), made once and kept
         * with this entry, so it lives and expires exactly as the API's answer does; {@code variant} names everything
         * but the body that the rendering depends on. Its bytes count towards the store's limit.
         */
        public Tagged rendered(Object variant, Function<? super T, String> render) {
            Tagged page = renderings.get(variant);
            if (page == null) {
                page = Tagged.of(render.apply(body).getBytes(StandardCharsets.UTF_8));
                if (renderings.size() < MAX_RENDERINGS && renderings.putIfAbsent(variant, page) == null) {
                    bytesKept.addAndGet(page.bytes().length);
                }
            }
            return page;
        }
    }

    private record Cached(Object body, Tagged answer, long version, long expiresAt, AtomicBoolean rebuilding,
            Map<Object, Tagged> renderings) {

        Cached(Object body, Tagged answer, long version, long expiresAt, AtomicBoolean rebuilding) {
            this(body, answer, version, expiresAt, rebuilding, new ConcurrentHashMap<>());
        }

        /** The answer's bytes and those of the renderings kept with it. */
        long size() {
            long size = answer.bytes().length;
            for (Tagged rendering : renderings.values()) {
                size += rendering.bytes().length;
            }
            return size;
        }
    }

    private final ObjectMapper mapper;
    private final long ttlNanos;
    private final LongSupplier ticker;
    private final Map<Object, Cached> pages = new ConcurrentHashMap<>();
    /** Approximate under races; it only decides when to start afresh. */
    private final AtomicLong bytesKept = new AtomicLong();
    /** Told of every answer built to be kept (etitle_cache_rebuilds_total{cache="public-answers"}). */
    private final Runnable built;

    @Inject
    PublicAnswers(ObjectMapper mapper, @ConfigProperty(name = "etitle.public-answers.ttl", defaultValue = "PT1S") Duration ttl,
            Metrics metrics) {
        this(mapper, ttl, System::nanoTime, metrics.cacheRebuilds("public-answers")::increment);
    }

    PublicAnswers(ObjectMapper mapper, Duration ttl, LongSupplier ticker) {
        this(mapper, ttl, ticker, () -> { });
    }

    private PublicAnswers(ObjectMapper mapper, Duration ttl, LongSupplier ticker, Runnable built) {
        this.mapper = mapper;
        this.ttlNanos = ttl.toNanos();
        this.ticker = ticker;
        this.built = built;
    }

    /** The body serialised as sent, with its tag. */
    public Tagged tagged(Object body) {
        try {
            return Tagged.of(mapper.writeValueAsBytes(body));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise a public answer (" + body.getClass().getSimpleName() + ")", e);
        }
    }

    /** An answer built on every request: 200 with the body, or 304 when {@code ifNoneMatch} names its tag. */
    public Response ok(String ifNoneMatch, Object body, Duration maxAge) {
        return answer(ifNoneMatch, tagged(body), maxAge);
    }

    /** An answer already tagged, such as a signed document served byte for byte. */
    public Response answer(String ifNoneMatch, Tagged answer, Duration maxAge) {
        String cacheControl = "public, max-age=" + maxAge.toSeconds();
        Response.ResponseBuilder response = answer.matchesNoneMatch(ifNoneMatch)
                ? Response.notModified()
                : Response.ok(answer.bytes(), MediaType.APPLICATION_JSON_TYPE);
        return response.tag(answer.tag()).header(HttpHeaders.CACHE_CONTROL, cacheControl).build();
    }

    /**
     * Like {@link #ok}, but the answer of {@code key} is built at most once per ttl on this replica. When a
     * page expires, one request rebuilds it while the others still get the previous one, so a burst of
     * requests never runs the same query many times at once.
     */
    public Response cached(String ifNoneMatch, Object key, Supplier<?> body, Duration maxAge) {
        return answer(ifNoneMatch, kept(key, body).answer(), maxAge);
    }

    /**
     * The answer of {@code key} under {@link #cached}'s rule, with the body it was built from: what a page for people
     * renders when it shows the same register as the API.
     */
    @SuppressWarnings("unchecked")
    public <T> Kept<T> kept(Object key, Supplier<T> body) {
        long now = ticker.getAsLong();
        Cached page = pages.get(key);
        if (page == null || page.version() != NO_VERSION
                || (now - page.expiresAt() >= 0 && page.rebuilding().compareAndSet(false, true))) {
            page = buildForTtl(key, body, now);
        }
        return new Kept<>((T) page.body(), page.answer(), page.renderings(), bytesKept);
    }

    /**
     * Like {@link #ok}, but the answer of {@code key} is kept while {@code version} stays the register's
     * current version: a page of an older version is never served, whatever its age. Of two requests building
     * one page at different versions, the newer stays.
     */
    public Response current(String ifNoneMatch, Object key, long version, Supplier<?> body, Duration maxAge) {
        Cached page = pages.get(key);
        if (page == null || page.version() != version) {
            Object made = body.get();
            page = new Cached(made, tagged(made), version, 0, new AtomicBoolean());
            keep(key, page);
            built.run();
        }
        return answer(ifNoneMatch, page.answer(), maxAge);
    }

    /**
     * A rendered page (bytes) of {@code key}, kept under {@link #current}'s rule: while {@code version} stays the
     * register's current version.
     */
    public Tagged currentRendering(Object key, long version, Supplier<String> render) {
        Cached page = pages.get(key);
        if (page == null || page.version() != version) {
            Tagged rendered = Tagged.of(render.get().getBytes(StandardCharsets.UTF_8));
            page = new Cached(null, rendered, version, 0, new AtomicBoolean());
            keep(key, page);
            built.run();
        }
        return page.answer();
    }

    private Cached buildForTtl(Object key, Supplier<?> body, long now) {
        Cached previous = pages.get(key);
        try {
            Object made = body.get();
            Cached page = new Cached(made, tagged(made), NO_VERSION, now + ttlNanos, new AtomicBoolean());
            if (ttlNanos > 0) {
                keep(key, page);
            }
            built.run();
            return page;
        } finally {
            if (previous != null) {
                previous.rebuilding().set(false);
            }
        }
    }

    private void keep(Object key, Cached page) {
        if (pages.size() >= MAX_PAGES || bytesKept.get() + page.size() > MAX_BYTES) {
            pages.clear();
            bytesKept.set(0);
        }
        long[] delta = {0};
        pages.compute(key, (k, old) -> {
            if (old != null && page.version() != NO_VERSION && old.version() != NO_VERSION && old.version() > page.version()) {
                return old;
            }
            delta[0] = page.size() - (old == null ? 0 : old.size());
            return page;
        });
        bytesKept.addAndGet(delta[0]);
    }
}
