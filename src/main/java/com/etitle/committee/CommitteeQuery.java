package com.etitle.committee;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import jakarta.ws.rs.core.UriInfo;

import com.etitle.common.PageRequest;
import com.etitle.common.Problem.InvalidParam;
import com.etitle.common.ProblemException;
import com.etitle.common.ProblemType;

/**
 * The checked query of {@code GET /api/v1/committees}. Empty filters count as absent (portal forms send
 * them); page and size follow the paging rule of every list ({@link PageRequest}); anything invalid is named
 * in one 400 answer.
 */
record CommitteeQuery(String authority, String series, CommitteeLevel level, String region, CommitteeStatus status, String text,
        int page, int size) {

    static final int DEFAULT_SIZE = 20;

    static CommitteeQuery parse(String authority, String series, String level, String region, String status, String q, UriInfo uri) {
        List<InvalidParam> errors = new ArrayList<>();
        PageRequest paging = PageRequest.of(uri, DEFAULT_SIZE, errors);
        CommitteeQuery query = new CommitteeQuery(
                text("authority", authority, 32, errors),
                text("series", series, 50, errors),
                choice("level", level, CommitteeLevel.class, errors),
                text("region", region, 100, errors),
                choice("status", status, CommitteeStatus.class, errors),
                text("q", q, 100, errors),
                paging.page(), paging.size());
        if (!errors.isEmpty()) {
            throw new ProblemException(ProblemType.INVALID_QUERY,
                    errors.size() + " invalid query parameter" + (errors.size() == 1 ? "" : "s"), errors);
        }
        return query;
    }

    int offset() {
        return page * size;
    }

    private static String text(String name, String value, int max, List<InvalidParam> errors) {
        String v = value == null ? "" : value.strip();
        if (v.codePointCount(0, v.length()) > max) {
            errors.add(new InvalidParam(name, "must be at most " + max + " characters"));
        } else if (v.codePoints().anyMatch(Character::isISOControl)) {
            errors.add(new InvalidParam(name, "must not contain control characters"));
        }
        return v.isEmpty() ? null : v;
    }

    private static <E extends Enum<E>> E choice(String name, String value, Class<E> type, List<InvalidParam> errors) {
        String v = value == null ? "" : value.strip();
        if (v.isEmpty()) {
            return null;
        }
        try {
            return Enum.valueOf(type, v.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            errors.add(new InvalidParam(name, "must be one of " + Arrays.toString(type.getEnumConstants())));
            return null;
        }
    }
}
