package com.etitle.status;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Body of a revocation or suspension. */
public record StatusChangeRequest(
        @Schema(description = "Revocation: FRAUD, ISSUED_IN_ERROR or COURT_ORDER. Suspension: optional, free text up to 200 characters")
        String reason,
        @Schema(description = "Internal note for the record, up to 500 characters; never public") String note) {
}
