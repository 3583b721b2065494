package com.etitle.certificate;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import com.etitle.common.Problem.InvalidParam;
import com.etitle.common.ProblemException;
import com.etitle.common.ProblemType;

/** Checks an {@link IssueRequest} field by field and names every invalid one. */
final class IssueValidator {

    /** Earliest qualification date accepted: titles of the 1950s are the oldest on record. */
    static final LocalDate EARLIEST = LocalDate.of(1950, 1, 1);

    /** The checked, typed form of a request. */
    record ValidIssue(String holderName, String holderIdNumber, String workUnit, String series, String specialty, Level level,
            String qualificationName, EffectiveScope effectiveScope, AcquisitionRoute acquisitionRoute,
            PromotionType promotionType, String committeeName, String approvalDocumentNumber, LocalDate qualificationDate) {
    }

    private final List<InvalidParam> errors = new ArrayList<>();

    static ValidIssue validate(IssueRequest r, LocalDate today) {
        if (r == null) {
            throw new ProblemException(ProblemType.MALFORMED_REQUEST, "A JSON body is required");
        }
        IssueValidator v = new IssueValidator();
        String name = v.text("holderName", r.holderName(), 50);
        String id = IdNumbers.normalise(r.holderIdNumber());
        if (id.isEmpty()) {
            v.fail("holderIdNumber", "is required");
        } else if (IdNumbers.problem(id) != null) {
            v.fail("holderIdNumber", IdNumbers.problem(id));
        }
        String workUnit = v.text("workUnit", r.workUnit(), 200);
        String series = v.text("series", r.series(), 50);
        String specialty = v.text("specialty", r.specialty(), 100);
        Level level = v.choice("level", r.level(), Level.class);
        String qualification = v.text("qualificationName", r.qualificationName(), 50);
        EffectiveScope scope = v.choice("effectiveScope", r.effectiveScope(), EffectiveScope.class);
        AcquisitionRoute route = v.choice("acquisitionRoute", r.acquisitionRoute(), AcquisitionRoute.class);
        PromotionType promotion = v.choice("promotionType", r.promotionType(), PromotionType.class);
        String committee = v.text("committeeName", r.committeeName(), 100, route == AcquisitionRoute.EVALUATION);
        String document = v.text("approvalDocumentNumber", r.approvalDocumentNumber(), 100);
        LocalDate date = v.date("qualificationDate", r.qualificationDate(), today);
        if (!v.errors.isEmpty()) {
            throw new ProblemException(ProblemType.VALIDATION_FAILED,
                    v.errors.size() + " invalid field" + (v.errors.size() == 1 ? "" : "s") + "; nothing was issued", v.errors);
        }
        return new ValidIssue(name, id, workUnit, series, specialty, level, qualification, scope, route, promotion, committee, document, date);
    }

    private String text(String field, String value, int max) {
        return text(field, value, max, true);
    }

    private String text(String field, String value, int max, boolean required) {
        String v = blank(value);
        if (v == null) {
            if (required) {
                fail(field, "is required");
            }
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
            fail(field, "must be one of " + java.util.Arrays.toString(type.getEnumConstants()));
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
                fail(field, "is after today (" + today + "); the vote must have taken place");
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
