package com.etitle.common;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import com.etitle.common.Problem.InvalidParam;

/**
 * Checks the fields of a request one by one and collects what is wrong, so that one 422 answer names
 * every invalid field. Lengths count characters (code points), as PostgreSQL's VARCHAR does.
 */
public final class Fields {

    private final List<InvalidParam> errors = new ArrayList<>();

    /** One line of text of at most {@code max} characters, stripped; null when blank (and then an error if required). */
    public String text(String field, String value, int max, boolean required) {
        return checked(field, value, 1, max, required, false);
    }

    /**
     * Free text such as a declaration: {@code min} to {@code max} characters, stripped, line breaks allowed;
     * required.
     */
    public String prose(String field, String value, int min, int max) {
        return checked(field, value, min, max, true, true);
    }

    /** One of the enum's constants, in any letter case. */
    public <E extends Enum<E>> E choice(String field, String value, Class<E> type) {
        String v = blank(value);
        if (v == null) {
            fail(field, "is required");
            return null;
        }
        try {
            return Enum.valueOf(type, v.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            fail(field, "must be one of " + Arrays.toString(type.getEnumConstants()));
            return null;
        }
    }

    public void fail(String field, String reason) {
        errors.add(new InvalidParam(field, reason));
    }

    /** Throws the 422 naming every invalid field, if there is any. */
    public void throwIfInvalid(String consequence) {
        if (!errors.isEmpty()) {
            throw new ProblemException(ProblemType.VALIDATION_FAILED,
                    errors.size() + " invalid field" + (errors.size() == 1 ? "" : "s") + "; " + consequence, errors);
        }
    }

    public static String blank(String s) {
        if (s == null) {
            return null;
        }
        String t = s.strip();
        return t.isEmpty() ? null : t;
    }

    private String checked(String field, String value, int min, int max, boolean required, boolean lineBreaks) {
        String v = blank(value);
        if (v == null) {
            if (required) {
                fail(field, "is required");
            }
            return null;
        }
        int length = v.codePointCount(0, v.length());
        if (length > max) {
            fail(field, "must be at most " + max + " characters");
        } else if (length < min) {
            fail(field, "must be at least " + min + " characters");
        } else if (v.codePoints().anyMatch(c -> !(lineBreaks && (c == '\n' || c == '\r')) && invisible(c))) {
            fail(field, "must not contain control or invisible characters");
        }
        return v;
    }

    private static boolean invisible(int c) {
        return Character.isISOControl(c) || Character.getType(c) == Character.FORMAT
                || Character.getType(c) == Character.SURROGATE || Character.getType(c) == Character.UNASSIGNED;
    }
}
