package com.etitle.common;

import java.util.List;
import java.util.Locale;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.jboss.logging.Logger;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * An RFC 9457 problem details document. Besides the standard members it carries {@code requestId}, an extension member
 * (RFC 9457 §3.2) naming the request in the service's log ({@link RequestIds}).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(description = "RFC 9457 problem details, sent as application/problem+json", requiredProperties = {"type", "title", "status"})
public record Problem(
        @Schema(description = "The error kind, /problems/<slug>, relative to the service; stable, so clients may branch on it",
                examples = "/problems/validation-failed") String type,
        @Schema(description = "A short summary of the error kind; the same for every problem of a type, in the language of Content-Language") String title,
        @Schema(description = "The HTTP status code of this answer", minimum = "400", maximum = "599") int status,
        @Schema(description = "What went wrong with this request, for people, in the language of Content-Language (zh-CN or en, after Accept-Language); never personal data or library messages") String detail,
        @Schema(description = "The path of the request") String instance,
        @Schema(description = "Each invalid field, header or query parameter, when the problem is about input")
        @JsonProperty("invalid-params") List<InvalidParam> invalidParams,
        @Schema(description = "The id of this request, also sent in the X-Request-Id header: quote it when asking the service's"
                + " operators about this answer, every line the service logged for the request carries it",
                examples = "0f8fad5b-d9cb-469f-a165-70867728950e") String requestId) {

    public static final String MEDIA_TYPE = "application/problem+json";

    private static final Logger LOG = Logger.getLogger(Problem.class);

    /** One offending field: its JSON name (or JSON pointer for nested input) and what is wrong with it. */
    @Schema(requiredProperties = {"name", "reason"})
    public record InvalidParam(
            @Schema(description = "The field's JSON name (a path such as entries/0/name for nested input), header or query parameter")
            String name,
            @Schema(description = "What is wrong with it, in the language of Content-Language") String reason) {
    }

    /**
     * The problem worded in this language; {@code type}, {@code status}, the field names and the parameters' names stay.
     * Every problem answer is made here, once, so this is where the log learns of it: one DEBUG line with the status and
     * type, under the request's id, and never the detail, whose values are the caller's.
     */
    public static Problem of(ProblemType type, ProblemText detail, String instance, List<Invalid> invalid, Locale locale) {
        LOG.debugf("Answered %d %s", type.status(), type.uri());
        return new Problem(type.uri(), type.title(locale), type.status(), detail == null ? null : detail.in(locale), instance,
                invalid == null || invalid.isEmpty() ? null : Invalid.in(invalid, locale), RequestIds.current());
    }
}
