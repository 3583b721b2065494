package com.etitle.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.ws.rs.core.Response;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

/** A public list page is built at most once per ttl on a replica; after the ttl the database is asked again. */
class PublicAnswersTest {

    private final AtomicLong nanos = new AtomicLong();
    private final AtomicInteger built = new AtomicInteger();
    private final PublicAnswers answers = new PublicAnswers(new ObjectMapper(), Duration.ofSeconds(1), nanos::get);

    @Test
    void a_page_asked_again_within_the_ttl_is_served_from_memory() {
        Response first = page("a");
        nanos.addAndGet(999_000_000L);
        Response second = page("a");

        assertThat(built).hasValue(1);
        assertThat(second.getEntityTag()).isEqualTo(first.getEntityTag());
        assertThat(second.getHeaderString("Cache-Control")).isEqualTo("public, max-age=30");
    }

    @Test
    void a_page_asked_after_the_ttl_is_built_again() {
        page("a");
        nanos.addAndGet(1_000_000_000L);
        page("a");

        assertThat(built).hasValue(2);
    }

    @Test
    void while_one_request_rebuilds_an_expired_page_the_others_get_the_previous_one() {
        page("a");
        nanos.addAndGet(2_000_000_000L);
        Response during = answers.cached(null, "a", () -> {
            // a second request arriving while this one is still building
            Response other = page("a");
            assertThat(other.getEntity()).isNotNull();
            return Map.of("n", built.incrementAndGet());
        }, Duration.ofSeconds(30));

        assertThat(built).as("the concurrent request did not build the page again").hasValue(2);
        assertThat(during.getEntityTag()).isNotNull();
        page("a");
        assertThat(built).as("the rebuilt page is served until it expires").hasValue(2);
    }

    @Test
    void different_queries_are_different_pages() {
        page("a");
        page("b");

        assertThat(built).hasValue(2);
    }

    @Test
    void with_a_zero_ttl_every_request_builds_the_page() {
        PublicAnswers uncached = new PublicAnswers(new ObjectMapper(), Duration.ZERO, nanos::get);
        uncached.cached(null, "a", () -> Map.of("n", built.incrementAndGet()), Duration.ofSeconds(30));
        uncached.cached(null, "a", () -> Map.of("n", built.incrementAndGet()), Duration.ofSeconds(30));

        assertThat(built).hasValue(2);
    }

    private Response page(String key) {
        return answers.cached(null, key, () -> Map.of("n", built.incrementAndGet()), Duration.ofSeconds(30));
    }
}
