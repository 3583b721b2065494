package com.etitle.verification;

import java.util.Locale;
import java.util.Optional;

import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

import com.etitle.common.BodyLimit;
import com.etitle.common.UriLabels;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpVersion;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * The hot path of {@link VerificationResource#verify}, answered from a plain Vert.x route: a token or a credential
 * whose key and certificate are in the register memory is checked on the event loop and answered without passing
 * through Quarkus REST, whose per-request work (matching, content negotiation, the request context, the response
 * chain) cost about as much as the check itself (docs/design.md, "Signed forms without the REST layer").
 * <p>
 * It answers only what it can answer exactly as the resource would: an HTTP/1.1 POST of a JSON body with no query, no
 * conditional, idempotency or {@code Expect} headers, and an {@code Accept} that plainly takes JSON, asking by token
 * or credential, whose answer needs no database. Everything else, a malformed body or a refused request included,
 * goes on to the resource with the body already read ({@link RoutingContext#setBody}, which Quarkus REST reads
 * instead of the connection), so the resource's answer, problem or not, is the only one there is. Deciding has no
 * side effect: the form is read before anything is checked, and a check that would need the database stops before
 * it verifies, logs or counts anything ({@link VerificationService#verifySignedFromMemory}).
 */
@Singleton
class VerificationRoute {

    static final String PATH = "/api/v1/verifications";
    /** After {@link BodyLimit}, which has refused bodies over 64 KiB and bodies of unknown length. */
    static final int ORDER = Integer.MIN_VALUE + 10;

    private final VerificationService verifications;
    private final ObjectReader reader;
    private final ObjectWriter writer;

    VerificationRoute(VerificationService verifications, ObjectMapper json) {
        this.verifications = verifications;
        // the mapper Quarkus REST reads and writes with (JsonConfig's strict reading included)
        this.reader = json.readerFor(VerificationRequest.class);
        this.writer = json.writerFor(VerificationAnswer.class);
    }

    void install(@Observes Router router) {
        router.post(PATH).order(ORDER).handler(this::handle);
    }

    private void handle(RoutingContext ctx) {
        if (!plainJsonRequest(ctx)) {
            ctx.next();
            return;
        }
        // Quarkus pauses each request until a reader of its body resumes it (below)
        ctx.request().body().onComplete(read -> {
            if (read.failed()) {
                // the caller hung up while sending (its length is known and within the limit, so nothing else fails)
                if (!ctx.response().closed()) {
                    ctx.fail(read.cause());
                }
                return;
            }
            Buffer body = read.result();
            ctx.setBody(body);
            Optional<VerificationAnswer> answer = answerFromMemory(body);
            if (answer.isEmpty()) {
                ctx.next();
                return;
            }
            UriLabels.matched(ctx, PATH);
            byte[] json;
            try {
                json = writer.writeValueAsBytes(answer.get());
            } catch (Exception e) {
                ctx.fail(e);
                return;
            }
            ctx.response()
                    .putHeader(HttpHeaders.CONTENT_TYPE, "application/json;charset=UTF-8")
                    .putHeader(HttpHeaders.CACHE_CONTROL, "no-store")
                    .end(Buffer.buffer(json));
        });
        ctx.request().resume();
    }

    /** The answer to a token or credential the register memory can answer now; empty for the resource to answer. */
    private Optional<VerificationAnswer> answerFromMemory(Buffer body) {
        VerificationRequest request;
        try {
            request = reader.readValue(body.getBytes());
        } catch (Exception e) {
            // the resource answers what is wrong with it
            return Optional.empty();
        }
        if (request == null || request.token() == null && request.credential() == null) {
            return Optional.empty();
        }
        try {
            return verifications.verifySignedFromMemory(request);
        } catch (RuntimeException e) {
            // not exactly one form (a ProblemException), or anything unforeseen: it goes wrong again in the resource,
            // whose mappers word the answer and log what needs logging
            return Optional.empty();
        }
    }

    /** A POST the resource would take as a JSON verification, with nothing but the body to check. */
    private static boolean plainJsonRequest(RoutingContext ctx) {
        var request = ctx.request();
        if (!PATH.equals(ctx.normalizedPath()) || request.query() != null || request.getHeader(HttpHeaders.CONTENT_LENGTH) == null) {
            return false;
        }
        // HTTP/1.1 only: Quarkus REST pauses the request it is handed, which HTTP/2 refuses once the body has been read
        // (an upgraded h2c request included); behind the Ingress every request arrives as HTTP/1.1
        if (request.version() != HttpVersion.HTTP_1_1) {
            return false;
        }
        var headers = request.headers();
        if (headers.contains("Idempotency-Key") || headers.contains(HttpHeaders.IF_MATCH) || headers.contains(HttpHeaders.IF_NONE_MATCH)) {
            return false;
        }
        // a client that waits for a 100 before it sends the body (curl does for bodies over 1 KiB) is the resource's:
        // Quarkus REST answers it the 100 itself, and would wait for a body this route had already read
        if (headers.contains(HttpHeaders.EXPECT)) {
            return false;
        }
        String type = request.getHeader(HttpHeaders.CONTENT_TYPE);
        if (type == null) {
            return false;
        }
        type = type.toLowerCase(Locale.ROOT).replace(" ", "");
        if (!type.equals("application/json") && !type.equals("application/json;charset=utf-8")) {
            return false;
        }
        String accept = request.getHeader(HttpHeaders.ACCEPT);
        return accept == null || accept.equals("*/*") || accept.equals("application/json");
    }
}
