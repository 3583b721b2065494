package com.etitle.common;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Filters of public and authority lists, read the same way everywhere: an absent or blank value is no filter; a
 * value that is too long, has control characters or is not one of the choices is named in {@code errors}, which
 * the list answers as one 400 invalid-query.
 */
public final class QueryValues {

    private QueryValues() {
    }

    public static String text(String name, String value, int max, List<Invalid> errors) {
        String v = value == null ? "" : value.strip();
        if (v.codePointCount(0, v.length()) > max) {
            errors.add(Invalid.of(name, "reason.at-most-characters", max));
        } else if (v.codePoints().anyMatch(Character::isISOControl)) {
            errors.add(Invalid.of(name, "reason.no-control-characters"));
        }
        return v.isEmpty() ? null : v;
    }

    public static <E extends Enum<E>> E choice(String name, String value, Class<E> type, List<Invalid> errors) {
        String v = value == null ? "" : value.strip();
        if (v.isEmpty()) {
            return null;
        }
        try {
            return Enum.valueOf(type, v.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            errors.add(Invalid.of(name, "reason.one-of", Arrays.toString(type.getEnumConstants())));
            return null;
        }
    }

    /** Answers the errors collected, if any, as one 400 invalid-query. */
    public static void throwIfInvalid(List<Invalid> errors) {
        if (!errors.isEmpty()) {
            throw new ProblemException(ProblemType.INVALID_QUERY, errors,
                    errors.size() == 1 ? "detail.invalid-query.one" : "detail.invalid-query.many", errors.size());
        }
    }
}
