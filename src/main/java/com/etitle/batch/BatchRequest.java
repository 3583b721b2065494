package com.etitle.batch;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Body of {@code POST /api/v1/certificate-batches}. */
public record BatchRequest(@Schema(description = "The qualification document whose entries get certificates") Long documentId) {
}
