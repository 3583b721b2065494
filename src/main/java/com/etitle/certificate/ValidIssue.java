package com.etitle.certificate;

import java.time.LocalDate;

/** The checked, typed facts of a certificate to issue: from a request, a qualification document, or the certificate it replaces. */
public record ValidIssue(String holderName, String holderIdNumber, String workUnit, String series, String specialty, Level level,
        String qualificationName, EffectiveScope effectiveScope, AcquisitionRoute acquisitionRoute,
        PromotionType promotionType, String committeeName, String approvalDocumentNumber, LocalDate qualificationDate) {

    /** The facts of an issued certificate, for its replacement. */
    static ValidIssue of(Certificate c) {
        TitleFacts t = c.title;
        return new ValidIssue(t.holderName, t.holderIdNumber, t.workUnit, t.series, t.specialty, t.level, t.qualificationName,
                c.effectiveScope, c.acquisitionRoute, t.promotionType, c.committeeName, c.approvalDocumentNumber, c.qualificationDate);
    }
}
