package com.etitle.certificate;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;

import com.etitle.common.Fields;
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

        /** The facts of an issued certificate, which were valid when it was issued: what a replacement carries over. */
        static ValidIssue of(Certificate c) {
            return new ValidIssue(c.holderName, c.holderIdNumber, c.workUnit, c.series, c.specialty, c.level, c.qualificationName,
                    c.effectiveScope, c.acquisitionRoute, c.promotionType, c.committeeName, c.approvalDocumentNumber, c.qualificationDate);
        }
    }

    private final Fields fields = new Fields();

    static ValidIssue validate(IssueRequest r, LocalDate today) {
        if (r == null) {
            throw new ProblemException(ProblemType.MALFORMED_REQUEST, "A JSON body is required");
        }
        IssueValidator v = new IssueValidator();
        String name = v.text("holderName", r.holderName(), 50);
        String id = IdNumbers.normalise(r.holderIdNumber());
        if (id.isEmpty()) {
            v.fields.fail("holderIdNumber", "is required");
        } else if (IdNumbers.problem(id) != null) {
            v.fields.fail("holderIdNumber", IdNumbers.problem(id));
        }
        String workUnit = v.text("workUnit", r.workUnit(), 200);
        String series = v.text("series", r.series(), 50);
        String specialty = v.text("specialty", r.specialty(), 100);
        Level level = v.fields.choice("level", r.level(), Level.class);
        String qualification = v.text("qualificationName", r.qualificationName(), 50);
        EffectiveScope scope = v.fields.choice("effectiveScope", r.effectiveScope(), EffectiveScope.class);
        AcquisitionRoute route = v.fields.choice("acquisitionRoute", r.acquisitionRoute(), AcquisitionRoute.class);
        PromotionType promotion = v.fields.choice("promotionType", r.promotionType(), PromotionType.class);
        String committee = v.fields.text("committeeName", r.committeeName(), 100, route == AcquisitionRoute.EVALUATION);
        String document = v.text("approvalDocumentNumber", r.approvalDocumentNumber(), 100);
        LocalDate date = v.date("qualificationDate", r.qualificationDate(), today);
        v.fields.throwIfInvalid("nothing was issued");
        return new ValidIssue(name, id, workUnit, series, specialty, level, qualification, scope, route, promotion, committee, document, date);
    }

    /** A required one-line text. */
    private String text(String field, String value, int max) {
        return fields.text(field, value, max, true);
    }

    private LocalDate date(String field, String value, LocalDate today) {
        String v = Fields.blank(value);
        if (v == null) {
            fields.fail(field, "is required");
            return null;
        }
        try {
            LocalDate date = LocalDate.parse(v);
            if (date.isAfter(today)) {
                fields.fail(field, "is after today (" + today + "); the vote must have taken place");
            } else if (date.isBefore(EARLIEST)) {
                fields.fail(field, "is before " + EARLIEST);
            }
            return date;
        } catch (DateTimeParseException e) {
            fields.fail(field, "must be a date in the form YYYY-MM-DD");
            return null;
        }
    }
}
