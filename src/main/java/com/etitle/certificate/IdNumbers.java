package com.etitle.certificate;

import java.time.DateTimeException;
import java.time.LocalDate;

import com.etitle.common.Fields;

/** Resident identity numbers (GB 11643-1999): checking, masking. */
public final class IdNumbers {

    private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final String CHECK_CHARS = "10X98765432";

    private IdNumbers() {
    }

    /** Upper-cases the check character; empty text stays empty. */
    public static String normalise(String idNumber) {
        return idNumber == null ? "" : idNumber.trim().toUpperCase(java.util.Locale.ROOT);
    }

    /** The reason a (normalised) number is not a valid resident ID number (a key of the problem texts), or null when it is one. */
    public static String problem(String id) {
        if (id.length() != 18) {
            return "reason.id-number.length";
        }
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            char c = id.charAt(i);
            if (c < '0' || c > '9') {
                return "reason.id-number.digits";
            }
            sum += (c - '0') * WEIGHTS[i];
        }
        try {
            LocalDate.of(Integer.parseInt(id.substring(6, 10)), Integer.parseInt(id.substring(10, 12)),
                    Integer.parseInt(id.substring(12, 14)));
        } catch (DateTimeException e) {
            return "reason.id-number.birth-date";
        }
        if (CHECK_CHARS.charAt(sum % 11) != id.charAt(17)) {
            return "reason.id-number.check";
        }
        return null;
    }

    /** Checks a request field that must hold a resident ID number; returns it normalised (failures go to {@code fields}). */
    public static String check(Fields fields, String field, String value) {
        String id = normalise(value);
        if (id.isEmpty()) {
            fields.fail(field, "reason.required");
        } else if (problem(id) != null) {
            fields.fail(field, problem(id));
        }
        return id;
    }

    /** The form that may appear outside the authority: region prefix and last four only. */
    public static String mask(String id) {
        if (id == null || id.length() < 8) {
            return "****";
        }
        return id.substring(0, 4) + "*".repeat(id.length() - 8) + id.substring(id.length() - 4);
    }
}
