package com.etitle.common;

import java.util.List;
import java.util.Locale;

/**
 * One invalid field, header or query parameter while a request is being checked: its name (never translated) and
 * why, worded when the answer is written ({@link Problem.InvalidParam} on the wire).
 */
public record Invalid(String name, ProblemText reason) {

    public static Invalid of(String name, String key, Object... args) {
        return new Invalid(name, ProblemText.of(key, args));
    }

    public Problem.InvalidParam in(Locale locale) {
        return new Problem.InvalidParam(name, reason.in(locale));
    }

    static List<Problem.InvalidParam> in(List<Invalid> invalid, Locale locale) {
        return invalid.stream().map(i -> i.in(locale)).toList();
    }
}
