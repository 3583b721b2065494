package com.etitle.common;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/** An RFC 9457 problem details document. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(
        String type,
        String title,
        int status,
        String detail,
        String instance,
        @JsonProperty("invalid-params") List<InvalidParam> invalidParams) {

    public static final String MEDIA_TYPE = "application/problem+json";

    /** One offending field: its JSON name (or JSON pointer for nested input) and what is wrong with it. */
    public record InvalidParam(String name, String reason) {
    }

    public static Problem of(ProblemType type, String detail, String instance, List<InvalidParam> invalidParams) {
        return new Problem(type.uri(), type.title(), type.status(), detail, instance,
                invalidParams == null || invalidParams.isEmpty() ? null : List.copyOf(invalidParams));
    }
}
