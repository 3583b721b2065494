package com.etitle.common;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Singleton;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * Refuses bodies over 64 KiB with problem+json before any of it is read; opening a publicity notice may send up to
 * 1 MiB, since its documented maximum of 500 candidates with every field at its longest in Chinese is about
 * 780 KB of UTF-8 (a typical 500-candidate notice is near 150 KB). A body without a
 * Content-Length (chunked) is refused with 411: its size would only be known after reading it, and
 * JSON clients always know the length of what they send. Quarkus' own limit
 * ({@code quarkus.http.limits.max-body-size}, the larger figure) stays as a second guard.
 */
@Singleton
public class BodyLimit {

    public static final long MAX_BYTES = 64 * 1024;
    /** The one operation allowed a larger body: {@code POST /api/v1/publicity-notices}. */
    public static final long NOTICE_MAX_BYTES = 1024 * 1024;
    static final String NOTICE_PATH = "/api/v1/publicity-notices";
    /** A certificate face sent for verification (PDF about 90 kB, OFD about 125 kB with the seal twice). */
    public static final long FACE_MAX_BYTES = 512 * 1024;
    static final String FACE_PATH = "/api/v1/verifications";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** A page's form that posts a file: its path (POST), its limit, and its own answer to a body over that limit. */
    public interface PageUpload {

        String path();

        long maxBytes();

        /** Ends the response with the page's refusal (413); the body is not read. */
        void refuseTooLarge(RoutingContext ctx);
    }

    private final Map<String, PageUpload> uploads;

    BodyLimit(Instance<PageUpload> uploads) {
        this.uploads = uploads.stream().collect(Collectors.toUnmodifiableMap(PageUpload::path, Function.identity()));
    }

    void install(@Observes Router router) {
        // right after CrossOriginFilter (so that a page on another origin can read the refusal) and PageHeaders (so that
        // a page's refusal carries the page's headers)
        router.route().order(CrossOriginFilter.ORDER + 2).handler(ctx -> {
            String length = ctx.request().getHeader(HttpHeaders.CONTENT_LENGTH);
            PageUpload upload = ctx.request().method() == HttpMethod.POST ? uploads.get(ctx.normalizedPath()) : null;
            long limit = upload != null ? upload.maxBytes() : limit(ctx);
            if (length != null && tooLarge(length, limit)) {
                if (upload != null) {
                    upload.refuseTooLarge(ctx);
                } else {
                    refuse(ctx, ProblemType.PAYLOAD_TOO_LARGE, ProblemText.of("detail.body.limit", limit));
                }
            } else if (length == null && ctx.request().headers().contains(HttpHeaders.TRANSFER_ENCODING)) {
                refuse(ctx, ProblemType.LENGTH_REQUIRED, ProblemText.of("detail.body.chunked"));
            } else {
                ctx.next();
            }
        });
    }

    /** In the caller's language, like every problem answer ({@link ProblemMapper#response}). */
    private static void refuse(RoutingContext ctx, ProblemType type, ProblemText detail) {
        Locale locale = PageLanguage.forApi(ctx.request().getHeader(HttpHeaders.ACCEPT_LANGUAGE));
        String body;
        try {
            body = JSON.writeValueAsString(Problem.of(type, detail, ctx.normalizedPath(), List.of(), locale));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a problem document always serialises", e);
        }
        ctx.response()
                .setStatusCode(type.status())
                .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                .putHeader(HttpHeaders.CACHE_CONTROL, "no-store")
                .putHeader(HttpHeaders.CONTENT_LANGUAGE, PageLanguage.tag(locale))
                .putHeader(HttpHeaders.VARY, HttpHeaders.ACCEPT_LANGUAGE)
                .putHeader(HttpHeaders.CONNECTION, "close")
                .end(body);
    }

    private static long limit(RoutingContext ctx) {
        boolean post = ctx.request().method() == HttpMethod.POST;
        if (post && NOTICE_PATH.equals(ctx.normalizedPath())) {
            return NOTICE_MAX_BYTES;
        }
        if (post && FACE_PATH.equals(ctx.normalizedPath()) && isFace(ctx.request().getHeader(HttpHeaders.CONTENT_TYPE))) {
            return FACE_MAX_BYTES;
        }
        return MAX_BYTES;
    }

    private static boolean isFace(String contentType) {
        String type = contentType == null ? "" : contentType.toLowerCase(Locale.ROOT);
        return type.startsWith("application/pdf") || type.startsWith("application/ofd");
    }

    private static boolean tooLarge(String length, long limit) {
        try {
            return Long.parseLong(length.trim()) > limit;
        } catch (NumberFormatException e) {
            return true;
        }
    }
}
