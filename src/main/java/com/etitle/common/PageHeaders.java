package com.etitle.common;

import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

import io.vertx.core.MultiMap;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * The one owner of the headers every HTML answer carries, whichever layer wrote it: it may not be framed
 * (clickjacking), sniffed into another type, or leak its URL (a share link's fragment stays in the browser anyway)
 * as a referrer. Our pages load their script and style from the jar only, so their policy allows no inline script
 * or style at all. Quarkus' own pages under {@code /q/} (Swagger UI) start themselves with an inline script, so
 * for them the policy only forbids framing, plugins and a changed base URL.
 */
@Singleton
public class PageHeaders {

    static final String PAGE_POLICY = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            + "connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";
    static final String QUARKUS_UI_POLICY = "frame-ancestors 'none'; object-src 'none'; base-uri 'self'";

    void install(@Observes Router router) {
        router.route().order(CrossOriginFilter.ORDER + 2).handler(this::handle);
    }

    private void handle(RoutingContext ctx) {
        String path = ctx.normalizedPath();
        ctx.addHeadersEndHandler(ignored -> {
            MultiMap headers = ctx.response().headers();
            String type = headers.get("Content-Type");
            if (type == null || !type.regionMatches(true, 0, "text/html", 0, "text/html".length())) {
                return;
            }
            headers.set("Content-Security-Policy", path != null && path.startsWith("/q/") ? QUARKUS_UI_POLICY : PAGE_POLICY);
            headers.set("X-Frame-Options", "DENY");
            headers.set("X-Content-Type-Options", "nosniff");
            headers.set("Referrer-Policy", "no-referrer");
        });
        ctx.next();
    }
}
