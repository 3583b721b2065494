package com.etitle.common;

import java.io.CharConversionException;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import jakarta.ws.rs.ClientErrorException;
import jakarta.ws.rs.NotAcceptableException;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;

/**
 * The one place that turns exceptions into RFC 9457 answers. Details name the offending input but
 * never echo exception messages of libraries (they may carry class names or personal data); 5xx are
 * logged here with their stack trace and answered with a generic text. Titles, details and reasons are
 * worded here, in the caller's language ({@link #response}).
 */
public class ProblemMapper {

    private static final Logger LOG = Logger.getLogger(ProblemMapper.class);

    /**
     * The answer in the language the caller's {@code Accept-Language} prefers ({@link PageLanguage#forApi}), saying
     * which in {@code Content-Language}; {@code Vary: Accept-Language} keeps the languages apart in caches.
     */
    public static Response response(ProblemType type, ProblemText detail, UriInfo uri, List<Invalid> params, Locale locale) {
        String instance = uri == null ? null : uri.getPath();
        return Response.status(type.status())
                .type(Problem.MEDIA_TYPE)
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .header(HttpHeaders.CONTENT_LANGUAGE, PageLanguage.tag(locale))
                .header(HttpHeaders.VARY, HttpHeaders.ACCEPT_LANGUAGE)
                .entity(Problem.of(type, detail, instance, params, locale))
                .build();
    }

    private static Response response(ProblemType type, ProblemText detail, UriInfo uri, List<Invalid> params, HttpHeaders headers) {
        return response(type, detail, uri, params, PageLanguage.forApi(headers == null ? null : headers.getHeaderString(HttpHeaders.ACCEPT_LANGUAGE)));
    }

    private static Response response(ProblemType type, UriInfo uri, HttpHeaders headers, String key, Object... args) {
        return response(type, ProblemText.of(key, args), uri, List.of(), headers);
    }

    @ServerExceptionMapper
    public Response problem(ProblemException e, UriInfo uri, HttpHeaders headers) {
        Response answer = response(e.type(), e.detail(), uri, e.invalidParams(), headers);
        if (e instanceof TooManyRequestsException tooMany) {
            return Response.fromResponse(answer).header(HttpHeaders.RETRY_AFTER, tooMany.retryAfterSeconds()).build();
        }
        return answer;
    }

    /** Quarkus ships its own mappers for these two; ours answer problem+json instead. */
    @ServerExceptionMapper
    public Response mismatchedJson(MismatchedInputException e, UriInfo uri, HttpHeaders headers) {
        return unreadableJson(e, uri, headers);
    }

    /**
     * A body whose first bytes make Jackson read it as UTF-16 or UTF-32 (NUL bytes first, as JSON's encoding detection
     * allows) and whose characters are then invalid: the body could not be decoded, which is the caller's doing.
     */
    @ServerExceptionMapper
    public Response undecodableBody(CharConversionException e, UriInfo uri, HttpHeaders headers) {
        return response(ProblemType.MALFORMED_REQUEST, uri, headers, "detail.body.not-utf8");
    }

    @ServerExceptionMapper
    public Response unparseableJson(JsonParseException e, UriInfo uri, HttpHeaders headers) {
        return unreadableJson(e, uri, headers);
    }

    @ServerExceptionMapper
    public Response unreadableJson(JsonProcessingException e, UriInfo uri, HttpHeaders headers) {
        if (e instanceof UnrecognizedPropertyException unknown) {
            return response(ProblemType.MALFORMED_REQUEST, ProblemText.of("detail.body.unknown-field", unknown.getPropertyName()), uri,
                    List.of(Invalid.of(pointer(unknown), "reason.unknown-field")), headers);
        }
        if (e instanceof JsonStrings.RefusedString refused) {
            return response(ProblemType.MALFORMED_REQUEST, ProblemText.of("detail.body.control-character", pointer(refused)), uri,
                    List.of(Invalid.of(pointer(refused), "reason.no-control-characters")), headers);
        }
        if (e instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            return response(ProblemType.MALFORMED_REQUEST, ProblemText.of("detail.body.wrong-type", pointer(mapping)), uri,
                    List.of(Invalid.of(pointer(mapping), "reason.wrong-json-type")), headers);
        }
        boolean duplicate = e.getOriginalMessage() != null && e.getOriginalMessage().startsWith("Duplicate field");
        var location = e.getLocation();
        if (location == null) {
            return response(ProblemType.MALFORMED_REQUEST, uri, headers, duplicate ? "detail.body.duplicate-member" : "detail.body.not-json");
        }
        return response(ProblemType.MALFORMED_REQUEST, uri, headers, duplicate ? "detail.body.duplicate-member.at" : "detail.body.not-json.at",
                location.getLineNr(), location.getColumnNr());
    }

    private static String pointer(JsonMappingException e) {
        return e.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : String.valueOf(ref.getIndex()))
                .collect(Collectors.joining("/"));
    }

    @ServerExceptionMapper
    public Response unauthenticated(UnauthorizedException e, UriInfo uri, HttpHeaders headers) {
        return unauthenticatedResponse(uri, headers);
    }

    @ServerExceptionMapper
    public Response authenticationFailed(AuthenticationFailedException e, UriInfo uri, HttpHeaders headers) {
        return unauthenticatedResponse(uri, headers);
    }

    private static Response unauthenticatedResponse(UriInfo uri, HttpHeaders headers) {
        return Response.fromResponse(response(ProblemType.UNAUTHENTICATED, uri, headers, "detail.unauthenticated"))
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
                .build();
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, UriInfo uri, HttpHeaders headers) {
        return response(ProblemType.FORBIDDEN, uri, headers, "detail.forbidden.role");
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e, UriInfo uri, HttpHeaders headers) {
        if (e.getCause() instanceof JsonProcessingException json) {
            // Quarkus' Jackson reader wraps syntax errors and duplicate members in a plain 400 WebApplicationException
            return unreadableJson(json, uri, headers);
        }
        if (e.getCause() instanceof CharConversionException undecodable) {
            return undecodableBody(undecodable, uri, headers);
        }
        if (e instanceof NotFoundException) {
            return response(ProblemType.NOT_FOUND, uri, headers, "detail.no-such-path");
        }
        if (e instanceof NotAllowedException) {
            return response(ProblemType.METHOD_NOT_ALLOWED, uri, headers, "detail.method-not-allowed");
        }
        if (e instanceof NotSupportedException) {
            return response(ProblemType.UNSUPPORTED_MEDIA_TYPE, uri, headers, "detail.send-json");
        }
        if (e instanceof NotAcceptableException) {
            return response(ProblemType.NOT_ACCEPTABLE, uri, headers, "detail.answers-json");
        }
        if (e.getResponse().getStatus() == 413) {
            return response(ProblemType.PAYLOAD_TOO_LARGE, uri, headers, "detail.body.limit-64k");
        }
        if (e instanceof ClientErrorException || e.getResponse().getStatus() / 100 == 4) {
            return response(ProblemType.MALFORMED_REQUEST, uri, headers, "detail.not-understood");
        }
        return internal(e, uri, headers);
    }

    @ServerExceptionMapper(priority = jakarta.ws.rs.Priorities.USER + 1000)
    public Response internal(Throwable e, UriInfo uri, HttpHeaders headers) {
        var databaseFault = DatabaseFaults.reason(e);
        if (databaseFault.isPresent()) {
            // one line, no stack trace: an outage would write one per request, and the readiness check says the rest
            LOG.warnf("Database unavailable (%s), answered 503", databaseFault.get());
            return Response.fromResponse(response(ProblemType.DATABASE_UNAVAILABLE, uri, headers,
                            "detail.database-unavailable"))
                    .header(HttpHeaders.RETRY_AFTER, DatabaseFaults.RETRY_AFTER_SECONDS)
                    .build();
        }
        if (clientHungUp(e)) {
            // the caller closed the connection while its body was being read: nobody is there to answer, nothing failed here
            LOG.debugf("Client closed the connection during %s", uri == null ? "?" : uri.getPath());
            return response(ProblemType.MALFORMED_REQUEST, uri, headers, "detail.body.ended-early");
        }
        LOG.errorf(e, "Unhandled error on %s", uri == null ? "?" : uri.getPath());
        return response(ProblemType.INTERNAL_ERROR, uri, headers, "detail.internal");
    }

    private static boolean clientHungUp(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof io.vertx.core.http.HttpClosedException || t instanceof java.nio.channels.ClosedChannelException) {
                return true;
            }
        }
        return false;
    }
}
