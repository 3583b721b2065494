package com.etitle.publicity;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The body of {@code POST /api/v1/publicity-notices}. Dates and enums arrive as text and are checked
 * together, so one answer names every invalid field. The end is computed, never sent.
 */
@Schema(description = "A results publicity notice (公示) of one committee session")
public record OpenNoticeRequest(
        @Schema(description = "A committee of your authority, ACTIVE", example = "12") Long committeeId,
        @Schema(example = "2026年度工程系列高级职称评审结果公示", maxLength = 200) String title,
        @Schema(description = "The committee's vote (ISO date), not in the future", example = "2026-03-06") String voteDate,
        @Schema(description = "When the notice is published (ISO 8601 with offset), not in the past", example = "2026-03-09T09:00:00+08:00")
        String startsAt,
        @Schema(description = "Length in working days of mainland China, 5 to 30 (seed 001 §五: at least 5)", minimum = "5", maximum = "30",
                example = "5") Integer workingDays,
        @Schema(description = "Telephone for objections", example = "0931-8123456") String contactPhone,
        @Schema(description = "Postal address for written objections", maxLength = 300) String contactAddress,
        @Schema(description = "The passed candidates, 1 to 500, in the order published") List<Candidate> candidates) {

    /** One passed candidate; the ID number is kept for issuance and never published. */
    @Schema(name = "NoticeCandidate")
    public record Candidate(
            @Schema(example = "张三", maxLength = 50) String name,
            @Schema(description = "18-character resident ID number (GB 11643); stored, never published") String holderIdNumber,
            @Schema(maxLength = 200) String workUnit,
            @Schema(description = "系列", example = "工程", maxLength = 50) String series,
            @Schema(description = "专业", example = "建筑设计", maxLength = 100) String specialty,
            @Schema(example = "高级工程师", maxLength = 50) String qualificationName,
            @Schema(enumeration = {"FULL_SENIOR", "DEPUTY_SENIOR", "INTERMEDIATE", "JUNIOR"}) String level,
            @Schema(enumeration = {"NORMAL", "EXCEPTIONAL", "SERIES_TRANSFER"}) String promotionType) {
    }
}
