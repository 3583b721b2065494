package com.etitle.common;

import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;

/**
 * Refuses bodies over 64 KiB with problem+json before any of it is read. Quarkus' own limit
 * ({@code quarkus.http.limits.max-body-size}, set to the same figure) still guards chunked bodies that
 * announce no length; it answers a bare 413.
 */
@Singleton
public class BodyLimit {

    public static final long MAX_BYTES = 64 * 1024;

    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).handler(ctx -> {
            String length = ctx.request().getHeader(HttpHeaders.CONTENT_LENGTH);
            if (length != null && tooLarge(length)) {
                ctx.response()
                        .setStatusCode(413)
                        .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                        .putHeader(HttpHeaders.CACHE_CONTROL, "no-store")
                        .putHeader(HttpHeaders.CONNECTION, "close")
                        .end("{\"type\":\"" + ProblemType.PAYLOAD_TOO_LARGE.uri() + "\",\"title\":\""
                                + ProblemType.PAYLOAD_TOO_LARGE.title() + "\",\"status\":413,\"detail\":\"Bodies are limited to "
                                + MAX_BYTES + " bytes\"}");
                return;
            }
            ctx.next();
        });
    }

    private static boolean tooLarge(String length) {
        try {
            return Long.parseLong(length.trim()) > MAX_BYTES;
        } catch (NumberFormatException e) {
            return true;
        }
    }
}
