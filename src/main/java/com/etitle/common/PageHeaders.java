package com.etitle.common;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * The one owner of the headers every HTML answer carries, whichever layer wrote it: it may not be framed
 * (clickjacking), sniffed into another type, or leak its URL (a share link's fragment stays in the browser anyway)
 * as a referrer. Our pages load their script and style from the jar only, so their policy allows no inline script
 * or style at all. Swagger UI's own start page ({@code /q/swagger-ui/}) starts it with an inline script, so that
 * page is ours instead ({@code pages/api-explorer.html} with {@code /api-explorer.js}) and runs no inline script
 * either; Swagger UI itself sets style attributes, which is all its policy allows beyond ours.
 */
@Singleton
public class PageHeaders {

    static final String PAGE_POLICY = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            + "connect-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";
    static final String EXPLORER_POLICY = "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
            + "img-src 'self' data:; font-src 'self' data:; connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";
    private static final String EXPLORER = "/q/swagger-ui/";

    private final Buffer explorerPage = Buffer.buffer(read("/pages/api-explorer.html"));

    void install(@Observes Router router) {
        // before BodyLimit, whose refusals of a page's upload are pages too
        router.route().order(CrossOriginFilter.ORDER + 1).handler(this::handle);
        for (String path : new String[] { EXPLORER, EXPLORER + "index.html" }) {
            router.get(path).order(CrossOriginFilter.ORDER + 3).handler(ctx -> ctx.response()
                    .putHeader("Content-Type", "text/html; charset=UTF-8").putHeader("Cache-Control", "no-cache").end(explorerPage));
        }
    }

    private void handle(RoutingContext ctx) {
        String path = ctx.normalizedPath();
        ctx.addHeadersEndHandler(ignored -> {
            MultiMap headers = ctx.response().headers();
            String type = headers.get("Content-Type");
            if (type == null || !type.regionMatches(true, 0, "text/html", 0, "text/html".length())) {
                return;
            }
            headers.set("Content-Security-Policy", path != null && path.startsWith(EXPLORER) ? EXPLORER_POLICY : PAGE_POLICY);
            headers.set("X-Frame-Options", "DENY");
            headers.set("X-Content-Type-Options", "nosniff");
            headers.set("Referrer-Policy", "no-referrer");
        });
        ctx.next();
    }

    private static byte[] read(String resource) {
        try (InputStream in = PageHeaders.class.getResourceAsStream(resource)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
