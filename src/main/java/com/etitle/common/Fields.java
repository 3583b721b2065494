package com.etitle.common;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import com.etitle.common.Problem.InvalidParam;

/**
 * Checks request fields that arrive as text, one after another, and collects every failure so that one
 * answer names all invalid fields at once ({@code invalid-params}). Each check returns the typed value, or
 * null after recording why it failed.
 */
public final class Fields {

    private final List<InvalidParam> errors;
    private final String prefix;

    public Fields() {
        this("", new ArrayList<>());
    }

    private Fields(String prefix, List<InvalidParam> errors) {
        this.prefix = prefix;
        this.errors = errors;
    }

    /** A view that records failures under {@code prefix + field}, e.g. {@code candidates/3/name}, into the same list. */
    public Fields nested(String prefix) {
        return new Fields(this.prefix + prefix, errors);
    }

    /** Required text of at most {@code max} code points, stripped, without control or invisible characters. */
    public String text(String field, String value, int max) {
        return text(field, value, 1, max, true);
    }

    /** Optional text: null when absent or blank. */
    public String optionalText(String field, String value, int max) {
        return text(field, value, 1, max, false);
    }

    public String text(String field, String value, int min, int max, boolean required) {
        String v = strip(value);
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
        } else if (v.codePoints().anyMatch(Fields::invisible)) {
            fail(field, "must not contain control or invisible characters");
        }
        return v;
    }

    /** Like {@link #text(String, String, int)} but line breaks (and tabs) are allowed, for letters and replies. */
    public String multilineText(String field, String value, int min, int max) {
        String v = strip(value);
        if (v == null) {
            fail(field, "is required");
            return null;
        }
        int length = v.codePointCount(0, v.length());
        if (length > max) {
            fail(field, "must be at most " + max + " characters");
        } else if (length < min) {
            fail(field, "must be at least " + min + " characters");
        } else if (v.codePoints().anyMatch(c -> c != '\n' && c != '\r' && c != '\t' && invisible(c))) {
            fail(field, "must not contain control or invisible characters");
        }
        return v;
    }

    /** One constant of the enum, case-insensitive. */
    public <E extends Enum<E>> E choice(String field, String value, Class<E> type) {
        String v = strip(value);
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

    /** A required calendar date, {@code YYYY-MM-DD}. */
    public LocalDate date(String field, String value) {
        String v = strip(value);
        if (v == null) {
            fail(field, "is required");
            return null;
        }
        try {
            return LocalDate.parse(v);
        } catch (DateTimeParseException e) {
            fail(field, "must be a date in the form YYYY-MM-DD");
            return null;
        }
    }

    /**
     * A required date on which something has already happened, such as a committee's vote: not after
     * {@code today}, not before {@code earliest}.
     */
    public LocalDate voteDate(String field, String value, LocalDate today, LocalDate earliest) {
        LocalDate date = date(field, value);
        if (date == null) {
            return null;
        }
        if (date.isAfter(today)) {
            fail(field, "is after today (" + today + "); the vote must have taken place");
        } else if (date.isBefore(earliest)) {
            fail(field, "is before " + earliest);
        }
        return date;
    }

    /** A required instant in ISO 8601 with an offset ({@code 2026-03-02T09:00:00+08:00} or {@code …Z}); a local time is ambiguous. */
    public Instant instant(String field, String value) {
        String v = strip(value);
        if (v == null) {
            fail(field, "is required");
            return null;
        }
        try {
            return OffsetDateTime.parse(v, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
        } catch (DateTimeParseException e) {
            fail(field, "must be an ISO 8601 date-time with an offset, e.g. 2026-03-02T09:00:00+08:00");
            return null;
        }
    }

    /** A required whole number within bounds. */
    public Integer number(String field, Integer value, int min, int max) {
        if (value == null) {
            fail(field, "is required");
            return null;
        }
        if (value < min || value > max) {
            fail(field, "must be between " + min + " and " + max);
            return null;
        }
        return value;
    }

    public void fail(String field, String reason) {
        errors.add(new InvalidParam(prefix + field, reason));
    }

    public boolean valid() {
        return errors.isEmpty();
    }

    public List<InvalidParam> errors() {
        return List.copyOf(errors);
    }

    /** Throws a 422 naming every failure, if there is one; {@code consequence} ends the detail, e.g. "nothing was issued". */
    public void throwIfInvalid(String consequence) {
        List<InvalidParam> all = errors;
        if (!all.isEmpty()) {
            throw new ProblemException(ProblemType.VALIDATION_FAILED,
                    all.size() + " invalid field" + (all.size() == 1 ? "" : "s") + "; " + consequence, all);
        }
    }

    /** The stripped text, or null when absent or blank. */
    public static String strip(String s) {
        if (s == null) {
            return null;
        }
        String t = s.strip();
        return t.isEmpty() ? null : t;
    }

    private static boolean invisible(int c) {
        int type = Character.getType(c);
        return Character.isISOControl(c) || type == Character.FORMAT || type == Character.SURROGATE || type == Character.UNASSIGNED;
    }
}
