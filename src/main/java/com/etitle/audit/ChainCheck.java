package com.etitle.audit;

import java.time.Instant;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The verdict of one walk along the audit chain. When the chain is intact, {@code lastEntryId} and
 * {@code lastEntryHash} name its newest entry: a hash chain cannot show that entries were cut off its
 * end, so whoever needs that assurance keeps the last hash somewhere else and compares it next time.
 */
public record ChainCheck(
        boolean intact,
        @Schema(description = "Entries examined, the broken one included; the walk stops at the first break")
        long entriesChecked,
        @Schema(description = "Newest entry of an intact chain; null when the chain is broken or empty")
        Long lastEntryId,
        @Schema(description = "entry_hash of that entry: record it elsewhere, and a later check that ends below it shows a cut-off tail")
        String lastEntryHash,
        @Schema(description = "The first entry, in id order, that fails; null when the chain is intact")
        Break firstBreak,
        Instant checkedAt) {

    @Schema(name = "ChainDefect")
    public enum Defect {
        /** The row's content no longer hashes to its entry_hash: it was changed after it was written. */
        HASH_MISMATCH,
        /** The row's previous_hash is not its predecessor's entry_hash: rows were removed, inserted or rewritten before it. */
        LINK_BROKEN
    }

    @Schema(name = "ChainBreak")
    public record Break(long entryId, Instant occurredAt, String action,
            @Schema(description = "What the entry is about; null when the entry is not the calling authority's")
            String subject,
            Defect defect) {
    }

    static ChainCheck intact(long entriesChecked, Long lastEntryId, String lastEntryHash, Instant checkedAt) {
        return new ChainCheck(true, entriesChecked, lastEntryId, lastEntryHash, null, checkedAt);
    }

    static ChainCheck broken(long entriesChecked, AuditEntry entry, boolean nameSubject, Defect defect, Instant checkedAt) {
        return new ChainCheck(false, entriesChecked, null, null,
                new Break(entry.id, entry.occurredAt, entry.action, nameSubject ? entry.subject : null, defect), checkedAt);
    }
}
