package com.etitle.committee;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One page of the public committee list, in ascending id order. */
@Schema(description = "A page of committees, oldest filing first")
public record CommitteePage(
        List<CommitteeView> items,
        @Schema(description = "Zero-based page number") int page,
        int size,
        @Schema(description = "Committees matching the filters, over all pages") long total) {
}
