package com.etitle.common;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import com.etitle.common.Problem.InvalidParam;

/**
 * Filters of public and authority lists, read the same way everywhere: an absent or blank value is no filter; a
 * value that is too long, has control characters or is not one of the choices is named in {@code errors}, which
 * the list answers as one 400 invalid-query.
 */
public final class QueryValues {

    private QueryValues() {
    }

    public static String text(String name, String value, int max, List<InvalidParam> errors) {
        String v = value == null ? "" : value.strip();
        if (v.codePointCount(0, v.length()) > max) {
            errors.add(new InvalidParam(name, "must be at most " + max + " characters"));
        } else if (v.codePoints().anyMatch(Character::isISOControl)) {
            errors.add(new InvalidParam(name, "must not contain control characters"));
        }
        return v.isEmpty() ? null : v;
    }

    public static <E extends Enum<E>> E choice(String name, String value, Class<E> type, List<InvalidParam> errors) {
        String v = value == null ? "" : value.strip();
        if (v.isEmpty()) {
            return null;
        }
        try {
            return Enum.valueOf(type, v.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            errors.add(new InvalidParam(name, "must be one of " + Arrays.toString(type.getEnumConstants())));
            return null;
        }
    }

    /** Answers the errors collected, if any, as one 400 invalid-query. */
    public static void throwIfInvalid(List<InvalidParam> errors) {
        if (!errors.isEmpty()) {
            throw new ProblemException(ProblemType.INVALID_QUERY,
                    errors.size() + " invalid query parameter" + (errors.size() == 1 ? "" : "s"), errors);
        }
    }
}
