package com.etitle.certificate;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The body of {@code POST /api/v1/certificates}. Fields arrive as text and are checked together, so one
 * answer names every invalid field at once. The issuing authority comes from the token and the issue
 * date from the clock; neither can be sent.
 */
@Schema(description = "A professional title to certify")
public record IssueRequest(
        @Schema(example = "张三", maxLength = 50) String holderName,
        @Schema(description = "18-character resident ID number (GB 11643); stored, never returned unmasked",
                example = "11010519491231002X") String holderIdNumber,
        @Schema(example = "示范省建筑设计研究院", maxLength = 200) String workUnit,
        @Schema(description = "系列", example = "工程", maxLength = 50) String series,
        @Schema(description = "专业", example = "建筑设计", maxLength = 100) String specialty,
        @Schema(enumeration = {"FULL_SENIOR", "DEPUTY_SENIOR", "INTERMEDIATE", "JUNIOR"}) String level,
        @Schema(example = "高级工程师", maxLength = 50) String qualificationName,
        @Schema(enumeration = {"PROVINCE_WIDE", "OWN_UNIT", "GRASSROOTS"}) String effectiveScope,
        @Schema(enumeration = {"EVALUATION", "EXAM", "RECOGNITION"}) String acquisitionRoute,
        @Schema(enumeration = {"NORMAL", "EXCEPTIONAL", "SERIES_TRANSFER"}) String promotionType,
        @Schema(description = "Required when acquisitionRoute is EVALUATION", example = "示范省工程系列高级职称评审委员会", maxLength = 100)
        String committeeName,
        @Schema(description = "文号 of the qualification document", example = "示人社职〔2026〕12号", maxLength = 100)
        String approvalDocumentNumber,
        @Schema(description = "The committee's vote date (ISO 8601); the qualification counts from it", example = "2026-06-18")
        String qualificationDate) {
}
