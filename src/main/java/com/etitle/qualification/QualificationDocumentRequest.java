package com.etitle.qualification;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The body of {@code POST /api/v1/qualification-documents}: one line per entry of the notice that was
 * not withdrawn, each with its effective scope; name, unit, title, level and promotion type come from the
 * notice, the qualification date is the vote date.
 */
@Schema(name = "IssueDocumentRequest", description = "A qualification document (资格文件) for an ended notice")
public record QualificationDocumentRequest(
        @Schema(description = "An ended notice of your authority whose objections are all answered") Long noticeId,
        @Schema(description = "文号", example = "测人社职〔2026〕15号", maxLength = 100) String documentNumber,
        @Schema(description = "Date of the document (ISO date): after the notice ended, not in the future", example = "2026-03-20")
        String documentDate,
        @Schema(description = "Every entry not withdrawn, exactly once") List<Line> entries) {

    /** One entry of the notice, by id or by position, and its effective scope. */
    @Schema(name = "DocumentLine")
    public record Line(
            Long entryId,
            Integer entryPosition,
            @Schema(enumeration = {"PROVINCE_WIDE", "OWN_UNIT", "GRASSROOTS"}) String effectiveScope) {
    }
}
