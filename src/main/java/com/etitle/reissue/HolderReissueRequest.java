package com.etitle.reissue;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The reissue form (遗失补办申领表) as the holder fills it in online for their own certificate: the reason, the
 * declaration and how to reach them. No unit letter and no newspaper notice (seed 001 §七(三)); an unknown field is refused.
 */
@Schema(description = "Your lost or damaged certificate to replace; the number is in the path")
public record HolderReissueRequest(
        @Schema(enumeration = {"LOST", "DAMAGED"}) String reason,
        @Schema(description = "Your declaration, as on the form", minLength = 10, maxLength = 2000,
                example = "本人所持职称证书不慎遗失,特此声明原证书作废,申请补办。") String declaration,
        @Schema(description = "A telephone number or an e-mail address the authority may use to reach you", maxLength = 100,
                example = "13912345678") String contact) {
}
