package com.etitle.common;

import java.util.List;

/**
 * One page of a public list: pages are numbered from 0 in a stable order (ties broken by id), so walking
 * them while nothing changes sees every item exactly once.
 */
public record Paged<T>(List<T> items, int page, int size, long total) {

    public static final int DEFAULT_SIZE = 20;
    public static final int MAX_SIZE = 100;

    /** Refuses a negative page or a size outside 1..{@value #MAX_SIZE} with a 400 naming the parameter. */
    public static void check(int page, int size) {
        if (page < 0) {
            throw new ProblemException(ProblemType.INVALID_QUERY, "page must be 0 or more",
                    List.of(new Problem.InvalidParam("page", "must be 0 or more")));
        }
        if (size < 1 || size > MAX_SIZE) {
            throw new ProblemException(ProblemType.INVALID_QUERY, "size must be between 1 and " + MAX_SIZE,
                    List.of(new Problem.InvalidParam("size", "must be between 1 and " + MAX_SIZE)));
        }
    }
}
