package com.etitle.reissue;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The reissue form (遗失补办申领表). There is no field for a unit letter or a newspaper notice: neither is
 * required any more (seed 001 §七(三)), and an unknown field is refused.
 */
@Schema(description = "A lost or damaged certificate to replace; no unit letter and no newspaper notice")
public record ReissueRequest(
        @Schema(example = "20264821937465012") String certificateNumber,
        @Schema(enumeration = {"LOST", "DAMAGED"}) String reason,
        @Schema(description = "The holder's signed declaration, as written on the form", minLength = 10, maxLength = 2000)
        String declaration) {
}
