package com.etitle.holder;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What a holder says when sharing a certificate: with whom, for what, for how long. */
public record GrantRequest(
        @Schema(description = "Who may verify: the employer or institution", example = "示范市建筑工程有限公司", maxLength = 100) String verifierName,
        @Schema(description = "What for", example = "入职资格审核", maxLength = 200) String purpose,
        @Schema(description = "How long the grant lasts, 1-90 days", minimum = "1", maximum = "90", example = "30") Integer validityDays) {
}
