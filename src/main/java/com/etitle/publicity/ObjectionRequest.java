package com.etitle.publicity;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A written objection (异议) with real name and contact (seed 001 §五(三)); name the entry by id or by position. */
@Schema(description = "An objection to one entry of an open notice")
public record ObjectionRequest(
        @Schema(description = "Real name, 2 to 50 characters", example = "李四") String objectorName,
        @Schema(description = "Telephone or e-mail for the written reply; never published", example = "13912345678") String contact,
        @Schema(description = "The entry's id (give this or entryPosition)") Long entryId,
        @Schema(description = "The entry's position in the notice (give this or entryId)") Integer entryPosition,
        @Schema(description = "10 to 2000 characters", minLength = 10, maxLength = 2000) String reason) {
}
