package com.etitle.common;

import java.util.List;

/**
 * One page of a public list: pages are numbered from 0 in a stable order (ties broken by id), so walking
 * them while nothing changes sees every item exactly once. What a valid page is, {@link PageRequest} says.
 */
public record Paged<T>(List<T> items, int page, int size, long total) {
}
