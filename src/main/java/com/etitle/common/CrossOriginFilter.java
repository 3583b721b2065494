package com.etitle.common;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * Applies {@link CrossOriginPolicy} to every request, in front of JAX-RS and the {@code /q} endpoints alike. Quarkus'
 * own {@code quarkus.http.cors} is one policy for the whole service, which cannot tell a public register from an
 * authority endpoint, so it stays off.
 * <p>
 * A preflight the policy allows is answered here (204), because JAX-RS has no {@code OPTIONS} methods; one it does
 * not allow goes on to JAX-RS, whose answer carries no allow header. The headers of other requests are added when the
 * answer's headers are written, so every answer on a CORS path carries them, including the problem+json of an error
 * from any layer (a page must be able to read why it was refused).
 */
@Singleton
public class CrossOriginFilter {

    /** Before {@link BodyLimit}, so that its 413 carries the headers too. */
    static final int ORDER = Integer.MIN_VALUE;

    private final CrossOriginPolicy policy;

    CrossOriginFilter(CrossOriginConfig config) {
        this.policy = CrossOriginPolicy.of(config);
    }

    void install(@Observes Router router) {
        router.route().order(ORDER).handler(this::handle);
    }

    private void handle(RoutingContext ctx) {
        HttpServerRequest request = ctx.request();
        String origin = request.getHeader("Origin");
        String requestedMethod = request.getHeader("Access-Control-Request-Method");
        String path = ctx.normalizedPath();
        if (request.method() == HttpMethod.OPTIONS && origin != null && requestedMethod != null) {
            Optional<Map<String, String>> preflight = policy.forPreflight(origin, requestedMethod.strip().toUpperCase(Locale.ROOT), path);
            if (preflight.isPresent()) {
                HttpServerResponse response = ctx.response().setStatusCode(204);
                preflight.get().forEach(response.headers()::add);
                response.end();
                return;
            }
            ctx.next();
            return;
        }
        Map<String, String> headers = policy.forRequest(request.method().name(), path, origin);
        if (!headers.isEmpty()) {
            ctx.addHeadersEndHandler(ignored -> headers.forEach(ctx.response().headers()::add));
        }
        ctx.next();
    }
}
