package com.etitle.certificate;

import java.time.LocalDate;

import com.etitle.common.Fields;
import com.etitle.common.ProblemException;
import com.etitle.common.ProblemType;

/** Checks an {@link IssueRequest} field by field and names every invalid one. */
final class IssueValidator {

    /** Earliest qualification date accepted: titles of the 1950s are the oldest on record. */
    static final LocalDate EARLIEST = LocalDate.of(1950, 1, 1);

    /** The checked, typed form of a request. */

    private IssueValidator() {
    }

    static ValidIssue validate(IssueRequest r, LocalDate today) {
        if (r == null) {
            throw new ProblemException(ProblemType.MALFORMED_REQUEST, "detail.body.required");
        }
        Fields v = new Fields();
        String name = v.text("holderName", r.holderName(), 50);
        String id = IdNumbers.check(v, "holderIdNumber", r.holderIdNumber());
        String workUnit = v.text("workUnit", r.workUnit(), 200);
        String series = v.text("series", r.series(), 50);
        String specialty = v.text("specialty", r.specialty(), 100);
        Level level = v.choice("level", r.level(), Level.class);
        String qualification = v.text("qualificationName", r.qualificationName(), 50);
        EffectiveScope scope = v.choice("effectiveScope", r.effectiveScope(), EffectiveScope.class);
        AcquisitionRoute route = v.choice("acquisitionRoute", r.acquisitionRoute(), AcquisitionRoute.class);
        PromotionType promotion = v.choice("promotionType", r.promotionType(), PromotionType.class);
        String committee = v.text("committeeName", r.committeeName(), 1, 100, route == AcquisitionRoute.EVALUATION);
        String document = v.text("approvalDocumentNumber", r.approvalDocumentNumber(), 100);
        LocalDate date = v.voteDate("qualificationDate", r.qualificationDate(), today, EARLIEST);
        v.throwIfInvalid("consequence.nothing-issued");
        return new ValidIssue(name, id, workUnit, series, specialty, level, qualification, scope, route, promotion, committee, document, date);
    }
}
