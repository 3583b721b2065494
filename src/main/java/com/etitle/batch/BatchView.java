package com.etitle.batch;

import java.time.Instant;

/** A batch as its authority sees it: progress while running, the result when done. */
public record BatchView(long id, long documentId, String documentNumber, BatchStatus status, int total, int issued, Instant createdAt,
        Instant completedAt, String error) {

    static BatchView of(CertificateBatch b) {
        return new BatchView(b.id, b.document.id, b.document.documentNumber, b.status, b.total, b.issued, b.createdAt, b.completedAt,
                b.error);
    }
}
