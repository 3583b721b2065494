package com.etitle.qualification;

import java.time.LocalDate;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.etitle.certificate.EffectiveScope;
import com.etitle.certificate.Level;
import com.etitle.certificate.PromotionType;
import com.etitle.certificate.TitleFacts;

/** A qualification document as published (seed 001 §四(五)): never an ID number. */
@Schema(name = "DocumentView", description = "A qualification document as published")
public record QualificationDocumentView(
        long id,
        String documentNumber,
        LocalDate documentDate,
        @Schema(description = "The vote date: every qualification in the document counts from it, never from the document date")
        LocalDate qualificationDate,
        long committeeId,
        String committeeName,
        String authority,
        long noticeId,
        List<Entry> entries) {

    @Schema(name = "DocumentEntry")
    public record Entry(int position, String name, String workUnit, String series, String specialty, String qualificationName, Level level,
            EffectiveScope effectiveScope, PromotionType promotionType, LocalDate qualificationDate) {

        static Entry of(QualificationDocumentEntry e, LocalDate qualificationDate) {
            TitleFacts t = e.title;
            return new Entry(e.position, t.holderName, t.workUnit, t.series, t.specialty, t.qualificationName, t.level, e.effectiveScope,
                    t.promotionType, qualificationDate);
        }
    }

    /** A document in a list: without its entries. */
    @Schema(name = "DocumentSummary")
    public record Summary(long id, String documentNumber, LocalDate documentDate, LocalDate qualificationDate, long committeeId,
            String committeeName, String authority, long noticeId, long entryCount) {
    }

    @Schema(name = "DocumentPage")
    public record Page(List<Summary> items, int page, int size, long total) {
    }
}
