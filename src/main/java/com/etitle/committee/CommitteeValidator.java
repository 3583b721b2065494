package com.etitle.committee;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import com.etitle.common.Problem.InvalidParam;
import com.etitle.common.ProblemException;
import com.etitle.common.ProblemType;

/** Checks a {@link CommitteeRequest} field by field and names every invalid one. */
final class CommitteeValidator {

    /** Earliest establishment date accepted; no title committee predates 1950. */
    static final LocalDate EARLIEST = LocalDate.of(1950, 1, 1);

    private static final Pattern CODE = Pattern.compile("[A-Z0-9][A-Z0-9._-]{0,31}");
    /** Separators people write inside numbers: spaces, hyphens, brackets (ASCII and full-width). */
    private static final Pattern SEPARATORS = Pattern.compile("[\\s\\-()（）]");
    /** An extension after the number: 转123, ext 123, #123, -123. */
    private static final Pattern EXTENSION = Pattern.compile("(?:转|ext\\.?|#|-|\\s)\\s*\\d{1,6}$", Pattern.CASE_INSENSITIVE);
    /**
     * Loose mainland formats, separators removed: mobile 1[3-9]xxxxxxxxx; landline with area code
     * (0 + 2-3 digits, then 7-8 digits); 400/800 numbers; 5-digit public service numbers such as 12333,
     * alone or after an area code.
     */
    private static final Pattern PHONE = Pattern.compile("1[3-9]\\d{9}|0\\d{9,11}|[48]00\\d{7}|(?:0\\d{2,3})?1\\d{4}");
    /** After +86 / 0086 the area code loses its leading 0. */
    private static final Pattern INTERNATIONAL = Pattern.compile("1[3-9]\\d{9}|[1-9]\\d{8,10}");

    /** The checked, typed form of a request. */
    record ValidCommittee(String name, String code, CommitteeLevel level, String series, String specialtyScope,
            String managingDepartment, String approvingAuthority, String region, String contactPhone, String contactAddress,
            String filingNumber, CommitteeStatus status, LocalDate establishedOn) {
    }

    private final List<InvalidParam> errors = new ArrayList<>();

    static ValidCommittee validate(CommitteeRequest r, LocalDate today) {
        if (r == null) {
            throw new ProblemException(ProblemType.MALFORMED_REQUEST, "A JSON body is required");
        }
        CommitteeValidator v = new CommitteeValidator();
        String name = v.text("name", r.name(), 200);
        String code = v.code(r.code());
        CommitteeLevel level = v.choice("level", r.level(), CommitteeLevel.class);
        String series = v.text("series", r.series(), 50);
        String scope = v.text("specialtyScope", r.specialtyScope(), 500);
        String department = v.text("managingDepartment", r.managingDepartment(), 200);
        String approving = v.text("approvingAuthority", r.approvingAuthority(), 200);
        String region = v.text("region", r.region(), 100);
        String phone = v.phone(r.contactPhone());
        String address = v.text("contactAddress", r.contactAddress(), 300);
        String filing = v.text("filingNumber", r.filingNumber(), 100);
        CommitteeStatus status = v.choice("status", r.status(), CommitteeStatus.class);
        LocalDate established = v.date("establishedOn", r.establishedOn(), today);
        if (!v.errors.isEmpty()) {
            throw new ProblemException(ProblemType.VALIDATION_FAILED,
                    v.errors.size() + " invalid field" + (v.errors.size() == 1 ? "" : "s") + "; nothing was saved", v.errors);
        }
        return new ValidCommittee(name, code, level, series, scope, department, approving, region, phone, address, filing, status,
                established);
    }

    /** True when the text is a mainland China phone number in one of the usual ways of writing it. */
    static boolean isPhone(String value) {
        String number = value.strip();
        if (isNumber(number)) {
            return true;
        }
        String withoutExtension = EXTENSION.matcher(number).replaceFirst("");
        return !withoutExtension.equals(number) && isNumber(withoutExtension);
    }

    private static boolean isNumber(String value) {
        String digits = SEPARATORS.matcher(value).replaceAll("");
        if (digits.startsWith("+86") || digits.startsWith("0086")) {
            return INTERNATIONAL.matcher(digits.substring(digits.startsWith("+") ? 3 : 4)).matches();
        }
        return PHONE.matcher(digits).matches();
    }

    private String code(String value) {
        int before = errors.size();
        String v = text("code", value, 32);
        if (v == null || errors.size() > before) {
            return v;
        }
        String upper = v.toUpperCase(Locale.ROOT);
        if (!CODE.matcher(upper).matches()) {
            fail("code", "must be letters, digits, '.', '_' or '-', starting with a letter or digit");
        }
        return upper;
    }

    private String phone(String value) {
        int before = errors.size();
        String v = text("contactPhone", value, 32);
        if (v != null && errors.size() == before && !isPhone(v)) {
            fail("contactPhone", "must be a mainland China phone number, e.g. 0931-8123456, 13912345678 or 12333");
        }
        return v;
    }

    private String text(String field, String value, int max) {
        String v = blank(value);
        if (v == null) {
            fail(field, "is required");
            return null;
        }
        if (v.codePointCount(0, v.length()) > max) {
            fail(field, "must be at most " + max + " characters");
        } else if (v.codePoints().anyMatch(c -> Character.isISOControl(c) || Character.getType(c) == Character.FORMAT
                || Character.getType(c) == Character.SURROGATE || Character.getType(c) == Character.UNASSIGNED)) {
            fail(field, "must not contain control or invisible characters");
        }
        return v;
    }

    private <E extends Enum<E>> E choice(String field, String value, Class<E> type) {
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

    private LocalDate date(String field, String value, LocalDate today) {
        String v = blank(value);
        if (v == null) {
            fail(field, "is required");
            return null;
        }
        try {
            LocalDate date = LocalDate.parse(v);
            if (date.isAfter(today)) {
                fail(field, "is after today (" + today + ")");
            } else if (date.isBefore(EARLIEST)) {
                fail(field, "is before " + EARLIEST);
            }
            return date;
        } catch (DateTimeParseException e) {
            fail(field, "must be a date in the form YYYY-MM-DD");
            return null;
        }
    }

    private void fail(String field, String reason) {
        errors.add(new InvalidParam(field, reason));
    }

    private static String blank(String s) {
        if (s == null) {
            return null;
        }
        String t = s.strip();
        return t.isEmpty() ? null : t;
    }
}
