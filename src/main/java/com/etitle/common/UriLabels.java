package com.etitle.common;

import jakarta.inject.Singleton;

import io.micrometer.core.instrument.Tags;
import io.quarkus.arc.Unremovable;
import io.quarkus.micrometer.runtime.HttpServerMetricsTagsContributor;
import io.vertx.core.http.impl.HttpServerRequestInternal;
import io.vertx.ext.web.RoutingContext;

/**
 * Keeps the {@code uri} label of {@code http_server_requests_seconds} to names the service chose. Quarkus labels a
 * request a REST resource matched with its template ({@code /api/v1/certificates/{number}}), an unmatched 404
 * {@code NOT_FOUND}, a redirect {@code REDIRECTION} and, with {@code suppress4xx-errors}, any other unmatched refusal
 * {@code UNKNOWN}; but an unmatched answer of another status gets the path as the caller typed it. Our own Vert.x
 * routes give such answers on any path: a CORS preflight answered 204 by {@link CrossOriginFilter} for
 * {@code /api/v1/certificates/<a number>}, or a 5xx of a filter before routing. Those are labelled {@code UNKNOWN}
 * here (a later tag of the same key replaces Quarkus' own), so no certificate number, token or typed text becomes a
 * label and a scripted client cannot add series.
 * <p>
 * Whether a resource matched is read where Quarkus REST records its template for the metrics, the request's local
 * {@code UrlPathTemplate} (its {@code ObservabilityUtil}); {@code MetricsTest} fails if that ever moves.
 */
@Singleton
@Unremovable
public class UriLabels implements HttpServerMetricsTagsContributor {

    /** Where Quarkus REST leaves the matched template for the HTTP metrics. */
    static final String TEMPLATE = "UrlPathTemplate";
    private static final Tags UNMATCHED = Tags.of("uri", "UNKNOWN");

    /**
     * Labels a request a route of ours answers in place of a REST resource with that resource's template, as Quarkus
     * REST would have.
     */
    public static void matched(RoutingContext ctx, String template) {
        ((HttpServerRequestInternal) ctx.request()).context().putLocal(TEMPLATE, template);
    }

    @Override
    public Tags contribute(Context context) {
        if (context.requestContextLocalData(TEMPLATE) != null) {
            return Tags.empty();
        }
        int status = context.response().statusCode();
        // 3xx and 4xx unmatched already carry a fixed word (REDIRECTION, NOT_FOUND, UNKNOWN)
        return status >= 300 && status < 500 ? Tags.empty() : UNMATCHED;
    }
}
