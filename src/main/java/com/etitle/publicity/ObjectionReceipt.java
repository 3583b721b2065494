package com.etitle.publicity;

import java.time.Instant;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What the objector gets back: a receipt to quote, nothing of what they sent. */
@Schema(description = "Receipt of a filed objection")
public record ObjectionReceipt(
        @Schema(description = "Random, not sequential; quote it when asking about the objection", example = "YY2026-7K3M-Q9XD-2HPA")
        String receiptNumber,
        long noticeId,
        long entryId,
        int entryPosition,
        Instant receivedAt,
        ObjectionStatus status) {
}
