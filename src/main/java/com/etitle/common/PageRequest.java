package com.etitle.common;

import java.util.ArrayList;
import java.util.List;

import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.UriInfo;

/**
 * The one paging rule of every list: {@code page} is a whole number from 0 and {@code size} one from 1 to
 * {@value #MAX_SIZE}, each written in plain ASCII digits and given at most once; a missing parameter takes
 * its default. Anything else (a sign, a space, a decimal point, an empty value, a number past an int) is
 * a 400 {@code invalid-query} naming the parameter, on every list alike.
 *
 * <p>The offset {@code page × size} may be at most {@value #MAX_OFFSET}: the database reads and throws
 * away every row before the offset, so one request for a deep page costs as much as reading the whole list
 * that far, and an offset past an int would overflow. A client walking a list in order meets the cap only
 * after its millionth item.
 *
 * <p>A repeated parameter ({@code page=1&page=2}) is refused rather than resolved: frameworks, proxies and
 * caches disagree on whether the first or the last one wins. The values are read from the raw query, not
 * bound with {@code @QueryParam}, because RESTEasy Reactive drops empty values ({@code page=}) before
 * binding and would answer the default page to them.
 */
public record PageRequest(int page, int size) {

    public static final int MAX_SIZE = 100;
    public static final int MAX_OFFSET = 1_000_000;

    /** For OpenAPI annotations, which need constants. */
    public static final String MAX_SIZE_TEXT = "" + MAX_SIZE;
    public static final String MAX_PAGE_TEXT = "" + MAX_OFFSET;
    public static final String PAGE_DESCRIPTION = "Page number from 0, in plain digits; page × size may be at most " + MAX_OFFSET;
    public static final String SIZE_DESCRIPTION = "Items per page, 1 to " + MAX_SIZE + ", in plain digits";
    public static final String INVALID = "page or size is not a plain whole number in range, is repeated, or page × size is over "
            + MAX_OFFSET + " (invalid-query, the parameter named in invalid-params)";

    private static final ProblemText PAGE_REASON = ProblemText.of("reason.page");
    private static final ProblemText SIZE_REASON = ProblemText.of("reason.size", MAX_SIZE);

    public PageRequest {
        if (page < 0 || size < 1 || size > MAX_SIZE || (long) page * size > MAX_OFFSET) {
            throw new IllegalArgumentException("not a valid page: " + page + " × " + size);
        }
    }

    /** The page the request's query asks for; otherwise a 400 naming {@code page} or {@code size}, or both. */
    public static PageRequest of(UriInfo uri, int defaultSize) {
        MultivaluedMap<String, String> query = uri.getQueryParameters();
        return of(query.get("page"), query.get("size"), defaultSize);
    }

    /**
     * For a list that checks other parameters too and names every invalid one in one answer: adds what is
     * wrong with {@code page} and {@code size} to {@code errors} and then returns the first page instead.
     */
    public static PageRequest of(UriInfo uri, int defaultSize, List<Invalid> errors) {
        MultivaluedMap<String, String> query = uri.getQueryParameters();
        return of(query.get("page"), query.get("size"), defaultSize, errors);
    }

    static PageRequest of(List<String> page, List<String> size, int defaultSize) {
        List<Invalid> errors = new ArrayList<>();
        PageRequest request = of(page, size, defaultSize, errors);
        if (!errors.isEmpty()) {
            ProblemText detail = errors.size() == 1 ? ProblemText.of("detail.parameter-reason", errors.get(0).name(), errors.get(0).reason())
                    : ProblemText.of("detail.invalid-query.many", errors.size());
            throw new ProblemException(ProblemType.INVALID_QUERY, detail, errors);
        }
        return request;
    }

    static PageRequest of(List<String> page, List<String> size, int defaultSize, List<Invalid> errors) {
        int before = errors.size();
        int p = number("page", page, 0, 0, PAGE_REASON, errors);
        int s = number("size", size, defaultSize, 1, SIZE_REASON, errors);
        if (s > MAX_SIZE) {
            errors.add(new Invalid("size", SIZE_REASON));
        }
        if (errors.size() > before) {
            return new PageRequest(0, defaultSize);
        }
        if ((long) p * s > MAX_OFFSET) {
            errors.add(Invalid.of("page", "reason.page-offset", MAX_OFFSET));
            return new PageRequest(0, defaultSize);
        }
        return new PageRequest(p, s);
    }

    /** Where the page starts; at most {@value #MAX_OFFSET}. */
    public int offset() {
        return page * size;
    }

    private static int number(String name, List<String> values, int absent, int min, ProblemText reason, List<Invalid> errors) {
        if (values == null || values.isEmpty()) {
            return absent;
        }
        if (values.size() > 1) {
            errors.add(Invalid.of(name, "reason.at-most-once"));
            return absent;
        }
        int n = digits(values.get(0));
        if (n < min) {
            errors.add(new Invalid(name, reason));
            return absent;
        }
        return n;
    }

    /** The value of a non-empty string of ASCII digits up to {@link Integer#MAX_VALUE}; -1 for anything else. */
    static int digits(String text) {
        if (text == null || text.isEmpty()) {
            return -1;
        }
        long value = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
            if (value > Integer.MAX_VALUE) {
                return -1;
            }
        }
        return (int) value;
    }
}
