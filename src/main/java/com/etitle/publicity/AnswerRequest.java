package com.etitle.publicity;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The registrar's finding on an objection and the written reply sent to the objector. */
@Schema(description = "The investigation result and the written reply")
public record AnswerRequest(
        @Schema(description = "UPHELD withdraws the entry from the notice", enumeration = {"UPHELD", "DISMISSED"}) String outcome,
        @Schema(description = "What the investigation found, 1 to 2000 characters", maxLength = 2000) String investigationResult,
        @Schema(description = "The written reply to the objector, 1 to 2000 characters", maxLength = 2000) String reply) {
}
