package com.etitle.publicity;

import java.time.Instant;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An objection as the registrar sees it, contact included: authority side only, never public. */
@Schema(description = "An objection with the objector's contact (registrars only)")
public record ObjectionView(
        String receiptNumber,
        long entryId,
        int entryPosition,
        String entryName,
        boolean entryWithdrawn,
        String objectorName,
        String objectorContact,
        String reason,
        ObjectionStatus status,
        String investigationResult,
        String reply,
        Instant receivedAt,
        Instant answeredAt,
        String answeredBy) {

    static ObjectionView of(Objection o) {
        return new ObjectionView(o.receiptNumber, o.entry.id, o.entry.position, o.entry.title.holderName, o.entry.withdrawn, o.objectorName,
                o.objectorContact, o.reason, o.status, o.investigationResult, o.reply, o.receivedAt, o.answeredAt, o.answeredBy);
    }
}
