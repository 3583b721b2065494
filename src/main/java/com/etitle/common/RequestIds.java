package com.etitle.common;

import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;

import jakarta.annotation.Priority;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import jakarta.interceptor.Interceptor;

import org.jboss.logging.MDC;

import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * Gives every HTTP request an id, the one owner of it: the id is in the logging MDC for the whole request (the text
 * format prints {@code %X{requestId}}, JSON lines carry {@code mdc.requestId}), in the {@code X-Request-Id} header of
 * the answer and in the {@code requestId} member of every problem answer ({@link Problem#of}), so a caller's problem
 * leads an operator to the lines of its request.
 * <p>
 * Quarkus keeps the MDC in the request's Vert.x duplicated context ({@code io.quarkus.vertx.core.runtime.VertxMDC}),
 * so the id follows the request from the event loop to a worker thread and is gone with it; nothing needs clearing.
 * <p>
 * An id the caller (or the ingress in front) sends is kept only in the shape request-id generators produce: a UUID
 * (Envoy, Istio) or 16 to 64 hexadecimal digits (nginx's {@code $request_id}, which ingress-nginx forwards, is 32),
 * with at least one letter. Anything else is replaced by a new random UUID, because the id is written on every log
 * line: no ID number (18 digits, or 17 and X), phone number, bank card number (digits only), verification code
 * (8 characters), grant code (base32) or token has that shape, so none can reach the log this way, nor can a line
 * break or any other character a log reader would have to escape.
 */
@Singleton
public class RequestIds {

    public static final String HEADER = "X-Request-Id";
    public static final String MDC_KEY = "requestId";

    /** Ahead of every other route of ours ({@link CrossOriginFilter}'s preflight answers, {@link BodyLimit}'s refusals). */
    static final int ORDER = Integer.MIN_VALUE;

    private static final Pattern KEPT = Pattern.compile("(?=.*[a-fA-F])[0-9a-fA-F-]{16,64}");

    /**
     * Registered first, so that it runs first among the routes of the same (lowest) order: Vert.x keeps routes of one
     * order in the order they were added.
     */
    void install(@Observes @Priority(Interceptor.Priority.PLATFORM_BEFORE) Router router) {
        router.route().order(ORDER).handler(this::handle);
    }

    private void handle(RoutingContext ctx) {
        String id = of(ctx.request().headers().getAll(HEADER));
        MDC.put(MDC_KEY, id);
        ctx.addHeadersEndHandler(ignored -> ctx.response().headers().set(HEADER, id));
        ctx.next();
    }

    /** The id for a request that sent these {@code X-Request-Id} values: the one it sent if it is kept, else a new one. */
    static String of(List<String> sent) {
        if (sent.size() == 1 && KEPT.matcher(sent.get(0)).matches()) {
            return sent.get(0);
        }
        return UUID.randomUUID().toString();
    }

    /** The id of the request being answered on this thread, or null outside a request (a scheduled job, start-up). */
    public static String current() {
        Object id = MDC.get(MDC_KEY);
        return id == null ? null : id.toString();
    }
}
