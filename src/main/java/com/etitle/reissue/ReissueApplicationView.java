package com.etitle.reissue;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonInclude;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An application as its authority sees it. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ReissueApplicationView(
        long id,
        String certificateNumber,
        ReissueReason reason,
        String declaration,
        ReissueStatus status,
        Instant createdAt,
        Instant decidedAt,
        @Schema(description = "The replacement's number, once approved") String newCertificateNumber,
        @Schema(description = "Why it was refused, once rejected") String rejectionReason) {

    static ReissueApplicationView of(ReissueApplication a) {
        return new ReissueApplicationView(a.id, a.certificate.number, a.reason, a.declaration, a.status, a.createdAt, a.decidedAt,
                a.newCertificate == null ? null : a.newCertificate.number, a.rejectionReason);
    }
}
