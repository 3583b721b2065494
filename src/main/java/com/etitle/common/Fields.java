package com.etitle.common;

import java.text.Normalizer;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Checks request fields that arrive as text, one after another, and collects every failure so that one
 * answer names all invalid fields at once ({@code invalid-params}). Each check returns the typed value, or
 * null after recording why it failed.
 */
public final class Fields {

    /** Longest telephone number accepted, as written (with separators and an extension). */
    public static final int PHONE_MAX = 32;
    /** Longest e-mail address accepted. */
    public static final int EMAIL_MAX = 100;

    /** Separators people write inside a number: spaces, hyphens, brackets (ASCII and full-width). */
    private static final Pattern PHONE_SEPARATORS = Pattern.compile("[ \\-()（）]");
    /** An extension after the number: 转123, ext 123, ext. 123, #123, -123 or a space and 123. */
    private static final Pattern PHONE_EXTENSION = Pattern.compile("(?:转|ext\\.?|#|-| ) *\\d{1,6}$", Pattern.CASE_INSENSITIVE);
    /**
     * Mainland numbers with the separators removed: mobile 1[3-9] and 9 digits; landline with its area code
     * (0 and 2–3 digits, then 7–8 digits; never 00, the international prefix); 400/800 numbers; 5-digit public
     * service numbers such as 12333, alone or after an area code.
     */
    private static final Pattern PHONE_NATIONAL = Pattern.compile("1[3-9]\\d{9}|0[1-9]\\d{8,10}|[48]00\\d{7}|(?:0[1-9]\\d{1,2})?1\\d{4}");
    /** After +86, 0086 or (for a mobile) a bare 86, the area code loses its leading 0. */
    private static final Pattern PHONE_INTERNATIONAL = Pattern.compile("1[3-9]\\d{9}|[1-9]\\d{8,10}");
    private static final Pattern MOBILE = Pattern.compile("1[3-9]\\d{9}");
    /**
     * Deliberately plain, nothing a mail server would balk at: a local part of dot-separated atoms, one @, a
     * domain of labels that neither start nor end with a hyphen, and a top-level name of letters.
     */
    private static final Pattern EMAIL = Pattern.compile(
            "[A-Za-z0-9_%+-]+(?:\\.[A-Za-z0-9_%+-]+)*@(?:[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?\\.)+[A-Za-z]{2,24}");

    private final List<Invalid> errors;
    private final String prefix;

    public Fields() {
        this("", new ArrayList<>());
    }

    private Fields(String prefix, List<Invalid> errors) {
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
        String v = nfc(strip(value));
        if (v == null) {
            if (required) {
                fail(field, "reason.required");
            }
            return null;
        }
        int length = v.codePointCount(0, v.length());
        if (length > max) {
            fail(field, "reason.at-most-characters", max);
        } else if (length < min) {
            fail(field, "reason.at-least-characters", min);
        } else if (v.codePoints().anyMatch(Fields::invisible)) {
            fail(field, "reason.no-invisible-characters");
        }
        return v;
    }

    /** Like {@link #text(String, String, int)} but line breaks (and tabs) are allowed, for letters and replies. */
    public String multilineText(String field, String value, int min, int max) {
        String v = nfc(strip(value));
        if (v == null) {
            fail(field, "reason.required");
            return null;
        }
        int length = v.codePointCount(0, v.length());
        if (length > max) {
            fail(field, "reason.at-most-characters", max);
        } else if (length < min) {
            fail(field, "reason.at-least-characters", min);
        } else if (v.codePoints().anyMatch(c -> c != '\n' && c != '\r' && c != '\t' && invisible(c))) {
            fail(field, "reason.no-invisible-characters");
        }
        return v;
    }

    /** One constant of the enum, case-insensitive. */
    public <E extends Enum<E>> E choice(String field, String value, Class<E> type) {
        String v = strip(value);
        if (v == null) {
            fail(field, "reason.required");
            return null;
        }
        try {
            return Enum.valueOf(type, v.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            fail(field, "reason.one-of", Arrays.toString(type.getEnumConstants()));
            return null;
        }
    }

    /** A required calendar date, {@code YYYY-MM-DD}. */
    public LocalDate date(String field, String value) {
        String v = strip(value);
        if (v == null) {
            fail(field, "reason.required");
            return null;
        }
        try {
            return LocalDate.parse(v);
        } catch (DateTimeParseException e) {
            fail(field, "reason.date");
            return null;
        }
    }

    /**
     * A required date on which something has already happened, such as a committee's vote: not after
     * {@code today}, not before {@code earliest}.
     */
    public LocalDate voteDate(String field, String value, LocalDate today, LocalDate earliest) {
        return notAfter(field, value, today, earliest, ProblemText.of("reason.vote-after-today", today));
    }

    private LocalDate notAfter(String field, String value, LocalDate today, LocalDate earliest, ProblemText afterToday) {
        LocalDate date = date(field, value);
        if (date == null) {
            return null;
        }
        if (date.isAfter(today)) {
            errors.add(new Invalid(prefix + field, afterToday));
        } else if (date.isBefore(earliest)) {
            fail(field, "reason.before", earliest);
        }
        return date;
    }

    /** A required instant in ISO 8601 with an offset ({@code 2026-03-02T09:00:00+08:00} or {@code …Z}); a local time is ambiguous. */
    public Instant instant(String field, String value) {
        String v = strip(value);
        if (v == null) {
            fail(field, "reason.required");
            return null;
        }
        try {
            return OffsetDateTime.parse(v, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
        } catch (DateTimeParseException e) {
            fail(field, "reason.date-time");
            return null;
        }
    }

    /**
     * A required date on which something has already happened, such as a committee's establishment: not
     * after {@code today}, not before {@code earliest}.
     */
    public LocalDate pastDate(String field, String value, LocalDate today, LocalDate earliest) {
        return notAfter(field, value, today, earliest, ProblemText.of("reason.after-today", today));
    }

    /** A required telephone number ({@link #isPhone}); returns it stripped, as written. */
    public String phone(String field, String value) {
        int before = errors.size();
        String v = text(field, value, PHONE_MAX);
        if (v != null && errors.size() == before && !isPhone(v)) {
            fail(field, "reason.phone");
        }
        return v;
    }

    /** A required field that holds a telephone number or an e-mail address; returns it stripped, as written. */
    public String phoneOrEmail(String field, String value) {
        int before = errors.size();
        String v = text(field, value, EMAIL_MAX);
        if (v != null && errors.size() == before && !isPhone(v) && !isEmail(v)) {
            fail(field, "reason.phone-or-email");
        }
        return v;
    }

    /** A required whole number within bounds. */
    public Integer number(String field, Integer value, int min, int max) {
        if (value == null) {
            fail(field, "reason.required");
            return null;
        }
        if (value < min || value > max) {
            fail(field, "reason.between", min, max);
            return null;
        }
        return value;
    }

    /** Records that {@code field} is invalid; {@code reasonKey} names why in the problem texts. */
    public void fail(String field, String reasonKey, Object... args) {
        errors.add(Invalid.of(prefix + field, reasonKey, args));
    }

    public boolean valid() {
        return errors.isEmpty();
    }

    public List<Invalid> errors() {
        return List.copyOf(errors);
    }

    /**
     * Throws a 422 naming every failure, if there is one; {@code consequenceKey} names the end of the detail in the
     * problem texts, e.g. {@code consequence.nothing-issued} ("nothing was issued").
     */
    public void throwIfInvalid(String consequenceKey) {
        List<Invalid> all = errors;
        if (!all.isEmpty()) {
            throw new ProblemException(ProblemType.VALIDATION_FAILED, all,
                    all.size() == 1 ? "detail.invalid-fields.one" : "detail.invalid-fields.many", all.size(), ProblemText.of(consequenceKey));
        }
    }

    /**
     * True when the text is a mainland China telephone number in one of the usual ways of writing it:
     * loose about how it is written (spaces, hyphens, brackets, +86, an extension), strict about what it is.
     * The one rule for every telephone field: committees, publicity notices, objections.
     */
    public static boolean isPhone(String value) {
        if (value == null) {
            return false;
        }
        String number = value.strip();
        if (number.length() > PHONE_MAX) {
            return false;
        }
        if (isNumber(number)) {
            return true;
        }
        String withoutExtension = PHONE_EXTENSION.matcher(number).replaceFirst("");
        return !withoutExtension.equals(number) && isNumber(withoutExtension);
    }

    /** True when the text is a plain e-mail address ({@code name@example.cn}) of at most 100 characters. */
    public static boolean isEmail(String value) {
        if (value == null) {
            return false;
        }
        String address = value.strip();
        return address.length() <= EMAIL_MAX && address.indexOf('@') <= 64 && EMAIL.matcher(address).matches();
    }

    private static boolean isNumber(String value) {
        String digits = PHONE_SEPARATORS.matcher(value).replaceAll("");
        if (digits.startsWith("+86") || digits.startsWith("0086")) {
            return PHONE_INTERNATIONAL.matcher(digits.substring(digits.startsWith("+") ? 3 : 4)).matches();
        }
        if (digits.length() == 13 && digits.startsWith("86")) {
            return MOBILE.matcher(digits.substring(2)).matches();
        }
        return PHONE_NATIONAL.matcher(digits).matches();
    }

    /**
     * The text in Unicode normalisation form C, so that a name typed as precomposed characters (é) and one sent
     * decomposed (e and a combining accent) are stored, signed and compared as the same name. Every text field
     * checked here is stored in this form; verification normalises what it is given with this same function.
     */
    public static String nfc(String s) {
        return s == null || Normalizer.isNormalized(s, Normalizer.Form.NFC) ? s : Normalizer.normalize(s, Normalizer.Form.NFC);
    }

    /**
     * True when the text holds a control character: C0 (tab and line breaks included), DEL or C1. No identifier,
     * number, code or header value we read may hold one; a NUL in particular cannot be stored by PostgreSQL.
     */
    public static boolean hasControlCharacter(String s) {
        if (s == null) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            if (Character.isISOControl(s.charAt(i))) {
                return true;
            }
        }
        return false;
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
