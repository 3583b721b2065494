package com.etitle.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.ws.rs.core.Response;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A public list page is built at most once per ttl on a replica, or kept while its register's version holds;
 * every answer carries the one tag and Cache-Control of the public registers.
 */
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
    void a_page_for_people_renders_the_very_body_the_api_answer_was_built_from() {
        Response api = page("a");
        PublicAnswers.Kept<Object> kept = answers.kept("a", () -> Map.of("n", built.incrementAndGet()));

        assertThat(built).as("one build serves both").hasValue(1);
        assertThat(kept.body()).isEqualTo(Map.of("n", 1));
        assertThat(kept.answer().tag()).isEqualTo(api.getEntityTag());

        nanos.addAndGet(1_000_000_000L);
        assertThat(answers.kept("a", () -> Map.of("n", built.incrementAndGet())).body()).as("and expires with it").isEqualTo(Map.of("n", 2));
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

    @Test
    void a_versioned_page_is_kept_while_the_version_holds_whatever_the_ttl() {
        PublicAnswers uncached = new PublicAnswers(new ObjectMapper(), Duration.ZERO, nanos::get);
        Response first = versioned(uncached, 3);
        nanos.addAndGet(60_000_000_000L);
        Response again = versioned(uncached, 3);

        assertThat(built).hasValue(1);
        assertThat(again.getEntityTag()).isEqualTo(first.getEntityTag());
    }

    @Test
    void a_new_version_builds_the_page_again_and_an_older_one_never_replaces_it() {
        versioned(answers, 3);
        Response newer = versioned(answers, 4);
        assertThat(built).hasValue(2);

        Response older = versioned(answers, 3);
        assertThat(built).as("a request that read the older version builds its own answer").hasValue(3);
        assertThat(older.getEntityTag()).isNotEqualTo(newer.getEntityTag());
        assertThat(versioned(answers, 4).getEntityTag()).as("the newer page stayed").isEqualTo(newer.getEntityTag());
        assertThat(built).hasValue(3);
    }

    @Test
    void a_matching_if_none_match_is_a_304_without_a_body_with_tag_and_cache_control() {
        Response first = answers.ok(null, Map.of("n", 1), Duration.ofSeconds(60));
        String etag = first.getHeaderString("ETag");

        assertThat(etag).matches("\"[A-Za-z0-9_-]{22}\"");
        assertThat(first.getStatus()).isEqualTo(200);
        for (String header : new String[] {etag, "W/" + etag, "\"other\", " + etag, "*"}) {
            Response again = answers.ok(header, Map.of("n", 1), Duration.ofSeconds(60));
            assertThat(again.getStatus()).as(header).isEqualTo(304);
            assertThat(again.getEntity()).isNull();
            assertThat(again.getEntityTag()).isEqualTo(first.getEntityTag());
            assertThat(again.getHeaderString("Cache-Control")).isEqualTo("public, max-age=60");
        }
        assertThat(answers.ok("\"other\"", Map.of("n", 1), Duration.ofSeconds(60)).getStatus()).isEqualTo(200);
        assertThat(answers.ok(etag, Map.of("n", 2), Duration.ofSeconds(60)).getStatus()).as("other bytes, other tag").isEqualTo(200);
    }

    @Test
    void if_match_compares_strongly_and_an_absent_one_is_no_condition() {
        PublicAnswers.Tagged tagged = answers.tagged(Map.of("n", 1));

        assertThat(tagged.satisfiesIfMatch(null)).isTrue();
        assertThat(tagged.satisfiesIfMatch(tagged.etag())).isTrue();
        assertThat(tagged.satisfiesIfMatch("\"other\", " + tagged.etag())).isTrue();
        assertThat(tagged.satisfiesIfMatch("W/" + tagged.etag())).isFalse();
        assertThat(tagged.satisfiesIfMatch("\"other\"")).isFalse();
    }

    private Response versioned(PublicAnswers cache, long version) {
        return cache.current(null, "a", version, () -> Map.of("n", built.incrementAndGet()), Duration.ofSeconds(60));
    }
}
