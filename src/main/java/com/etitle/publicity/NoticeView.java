package com.etitle.publicity;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.etitle.certificate.Level;
import com.etitle.certificate.PromotionType;
import com.etitle.certificate.TitleFacts;

/** A notice as the public sees it: never an ID number, never an objector. */
@Schema(description = "A results publicity notice as published")
public record NoticeView(
        long id,
        long committeeId,
        String committeeName,
        String authority,
        String title,
        LocalDate voteDate,
        @Schema(description = "Published from this instant; objections accepted from then on") Instant startsAt,
        int workingDays,
        @Schema(description = "Last working day of the window (Asia/Shanghai)") LocalDate lastWorkingDay,
        @Schema(description = "24:00 Asia/Shanghai of the last working day; objections are accepted strictly before this instant")
        Instant endsAt,
        NoticeState state,
        @Schema(description = "Working days left, today included; 0 once closed") int remainingWorkingDays,
        String contactPhone,
        String contactAddress,
        List<Entry> entries) {

    /** One passed candidate; {@code withdrawn} after an upheld objection. */
    @Schema(name = "NoticeEntry")
    public record Entry(long id, int position, String name, String workUnit, String series, String specialty, String qualificationName,
            Level level, PromotionType promotionType, boolean withdrawn) {

        static Entry of(PublicityEntry e) {
            TitleFacts t = e.title;
            return new Entry(e.id, e.position, t.holderName, t.workUnit, t.series, t.specialty, t.qualificationName, t.level, t.promotionType,
                    e.withdrawn);
        }
    }

    /** A notice in a list: without its entries. */
    @Schema(name = "NoticeSummary", description = "A notice in the public list")
    public record Summary(long id, long committeeId, String committeeName, String authority, String title, LocalDate voteDate,
            Instant startsAt, int workingDays, LocalDate lastWorkingDay, Instant endsAt, NoticeState state, long entryCount) {
    }
}
