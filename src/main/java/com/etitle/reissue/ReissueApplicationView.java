package com.etitle.reissue;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An application as its authority's issuers, and the holder who filed it, see it. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ReissueApplicationView(
        long id,
        String certificateNumber,
        ReissueReason reason,
        String declaration,
        ReissueStatus status,
        @Schema(description = "HOLDER when the holder filed it online, ISSUER when an issuer filed it") ReissueApplication.FiledBy filedBy,
        @Schema(description = "How to reach the holder, when they filed it online: a telephone number or an e-mail address")
        String contact,
        Instant createdAt,
        Instant decidedAt,
        @Schema(description = "The replacement's number, once approved") String newCertificateNumber,
        @Schema(description = "Why it was refused, once rejected") String rejectionReason) {

    static ReissueApplicationView of(ReissueApplication a) {
        return new ReissueApplicationView(a.id, a.certificate.number, a.reason, a.declaration, a.status, a.filedBy, a.contact,
                a.createdAt, a.decidedAt,
                a.newCertificate == null ? null : a.newCertificate.number, a.rejectionReason);
    }

    /** One page of an authority's applications. */
    @Schema(name = "ReissueApplicationPage")
    public record Page(List<ReissueApplicationView> items, int page, int size, long total) {
    }
}
