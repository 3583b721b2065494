package com.etitle.common;

import java.util.List;
import java.util.Locale;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/** An RFC 9457 problem details document. */
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
        @JsonProperty("invalid-params") List<InvalidParam> invalidParams) {

    public static final String MEDIA_TYPE = "application/problem+json";

    /** One offending field: its JSON name (or JSON pointer for nested input) and what is wrong with it. */
    @Schema(requiredProperties = {"name", "reason"})
    public record InvalidParam(
            @Schema(description = "The field's JSON name (a path such as entries/0/name for nested input), header or query parameter")
            String name,
            @Schema(description = "What is wrong with it, in the language of Content-Language") String reason) {
    }

    /** The problem worded in this language; {@code type}, {@code status}, the field names and the parameters' names stay. */
    public static Problem of(ProblemType type, ProblemText detail, String instance, List<Invalid> invalid, Locale locale) {
        return new Problem(type.uri(), type.title(locale), type.status(), detail == null ? null : detail.in(locale), instance,
                invalid == null || invalid.isEmpty() ? null : Invalid.in(invalid, locale));
    }
}
