package com.etitle.committee;

import java.util.ArrayList;
import java.util.List;

import jakarta.ws.rs.core.UriInfo;

import com.etitle.common.PageRequest;
import com.etitle.common.Invalid;
import com.etitle.common.QueryValues;

/**
 * The checked query of {@code GET /api/v1/committees}. Empty filters count as absent (portal forms send
 * them); page and size follow the paging rule of every list ({@link PageRequest}); anything invalid is named
 * in one 400 answer.
 */
record CommitteeQuery(String authority, String series, CommitteeLevel level, String region, CommitteeStatus status, String text,
        int page, int size) {

    static final int DEFAULT_SIZE = 20;

    static CommitteeQuery parse(String authority, String series, String level, String region, String status, String q, UriInfo uri) {
        List<Invalid> errors = new ArrayList<>();
        PageRequest paging = PageRequest.of(uri, DEFAULT_SIZE, errors);
        CommitteeQuery query = new CommitteeQuery(
                QueryValues.text("authority", authority, 32, errors),
                QueryValues.text("series", series, 50, errors),
                QueryValues.choice("level", level, CommitteeLevel.class, errors),
                QueryValues.text("region", region, 100, errors),
                QueryValues.choice("status", status, CommitteeStatus.class, errors),
                QueryValues.text("q", q, 100, errors),
                paging.page(), paging.size());
        QueryValues.throwIfInvalid(errors);
        return query;
    }

    int offset() {
        return page * size;
    }
}
