package com.etitle.common;

import java.io.CharConversionException;
import java.util.List;
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
 * logged here with their stack trace and answered with a generic text.
 */
public class ProblemMapper {

    private static final Logger LOG = Logger.getLogger(ProblemMapper.class);

    public static Response response(ProblemType type, String detail, UriInfo uri, List<Problem.InvalidParam> params) {
        String instance = uri == null ? null : uri.getPath();
        return Response.status(type.status())
                .type(Problem.MEDIA_TYPE)
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .entity(Problem.of(type, detail, instance, params))
                .build();
    }

    @ServerExceptionMapper
    public Response problem(ProblemException e, UriInfo uri) {
        Response answer = response(e.type(), e.getMessage(), uri, e.invalidParams());
        if (e instanceof TooManyRequestsException tooMany) {
            return Response.fromResponse(answer).header(HttpHeaders.RETRY_AFTER, tooMany.retryAfterSeconds()).build();
        }
        return answer;
    }

    /** Quarkus ships its own mappers for these two; ours answer problem+json instead. */
    @ServerExceptionMapper
    public Response mismatchedJson(MismatchedInputException e, UriInfo uri) {
        return unreadableJson(e, uri);
    }

    /**
     * A body whose first bytes make Jackson read it as UTF-16 or UTF-32 (NUL bytes first, as JSON's encoding detection
     * allows) and whose characters are then invalid: the body could not be decoded, which is the caller's doing.
     */
    @ServerExceptionMapper
    public Response undecodableBody(CharConversionException e, UriInfo uri) {
        return response(ProblemType.MALFORMED_REQUEST, "The body is not JSON in UTF-8", uri, List.of());
    }

    @ServerExceptionMapper
    public Response unparseableJson(JsonParseException e, UriInfo uri) {
        return unreadableJson(e, uri);
    }

    @ServerExceptionMapper
    public Response unreadableJson(JsonProcessingException e, UriInfo uri) {
        if (e instanceof UnrecognizedPropertyException unknown) {
            return response(ProblemType.MALFORMED_REQUEST, "Unknown field '" + unknown.getPropertyName() + "'", uri,
                    List.of(new Problem.InvalidParam(pointer(unknown), "unknown field")));
        }
        if (e instanceof JsonStrings.RefusedString refused) {
            return response(ProblemType.MALFORMED_REQUEST, "Field '" + pointer(refused) + "' holds a control character", uri,
                    List.of(new Problem.InvalidParam(pointer(refused), "must not contain control characters")));
        }
        if (e instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            return response(ProblemType.MALFORMED_REQUEST, "Field '" + pointer(mapping) + "' has the wrong JSON type", uri,
                    List.of(new Problem.InvalidParam(pointer(mapping), "wrong JSON type")));
        }
        String what = e.getOriginalMessage() != null && e.getOriginalMessage().startsWith("Duplicate field")
                ? "The JSON body has a duplicate member name"
                : "The body is not well-formed JSON";
        var location = e.getLocation();
        String where = location == null ? "" : " (line " + location.getLineNr() + ", column " + location.getColumnNr() + ")";
        return response(ProblemType.MALFORMED_REQUEST, what + where, uri, List.of());
    }

    private static String pointer(JsonMappingException e) {
        return e.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : String.valueOf(ref.getIndex()))
                .collect(Collectors.joining("/"));
    }

    @ServerExceptionMapper
    public Response unauthenticated(UnauthorizedException e, UriInfo uri) {
        return unauthenticatedResponse(uri);
    }

    @ServerExceptionMapper
    public Response authenticationFailed(AuthenticationFailedException e, UriInfo uri) {
        return unauthenticatedResponse(uri);
    }

    private static Response unauthenticatedResponse(UriInfo uri) {
        return Response.fromResponse(response(ProblemType.UNAUTHENTICATED, "Missing, expired or invalid bearer token", uri, List.of()))
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
                .build();
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, UriInfo uri) {
        return response(ProblemType.FORBIDDEN, "The token's role does not allow this operation", uri, List.of());
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e, UriInfo uri) {
        if (e.getCause() instanceof JsonProcessingException json) {
            // Quarkus' Jackson reader wraps syntax errors and duplicate members in a plain 400 WebApplicationException
            return unreadableJson(json, uri);
        }
        if (e.getCause() instanceof CharConversionException undecodable) {
            return undecodableBody(undecodable, uri);
        }
        if (e instanceof NotFoundException) {
            return response(ProblemType.NOT_FOUND, "No resource at this path", uri, List.of());
        }
        if (e instanceof NotAllowedException) {
            return response(ProblemType.METHOD_NOT_ALLOWED, "This method is not allowed here", uri, List.of());
        }
        if (e instanceof NotSupportedException) {
            return response(ProblemType.UNSUPPORTED_MEDIA_TYPE, "Send application/json", uri, List.of());
        }
        if (e instanceof NotAcceptableException) {
            return response(ProblemType.NOT_ACCEPTABLE, "This resource answers application/json", uri, List.of());
        }
        if (e.getResponse().getStatus() == 413) {
            return response(ProblemType.PAYLOAD_TOO_LARGE, "Bodies are limited to 64 KiB", uri, List.of());
        }
        if (e instanceof ClientErrorException || e.getResponse().getStatus() / 100 == 4) {
            return response(ProblemType.MALFORMED_REQUEST, "The request could not be understood", uri, List.of());
        }
        return internal(e, uri);
    }

    @ServerExceptionMapper(priority = jakarta.ws.rs.Priorities.USER + 1000)
    public Response internal(Throwable e, UriInfo uri) {
        var databaseFault = DatabaseFaults.reason(e);
        if (databaseFault.isPresent()) {
            // one line, no stack trace: an outage would write one per request, and the readiness check says the rest
            LOG.warnf("Database unavailable (%s), answered 503", databaseFault.get());
            return Response.fromResponse(response(ProblemType.DATABASE_UNAVAILABLE,
                            "The service's database is unavailable; nothing was changed, try again later", uri, List.of()))
                    .header(HttpHeaders.RETRY_AFTER, DatabaseFaults.RETRY_AFTER_SECONDS)
                    .build();
        }
        if (clientHungUp(e)) {
            // the caller closed the connection while its body was being read: nobody is there to answer, nothing failed here
            LOG.debugf("Client closed the connection during %s", uri == null ? "?" : uri.getPath());
            return response(ProblemType.MALFORMED_REQUEST, "The request body ended early: the connection was closed", uri, List.of());
        }
        LOG.errorf(e, "Unhandled error on %s", uri == null ? "?" : uri.getPath());
        return response(ProblemType.INTERNAL_ERROR, "The service could not complete the request", uri, List.of());
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
