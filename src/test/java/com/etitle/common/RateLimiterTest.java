package com.etitle.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

class RateLimiterTest {

    /** A clock the test moves by hand. */
    private static final class HandClock extends Clock {
        Instant now = Instant.parse("2026-03-02T01:00:00Z");

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }

    private final HandClock clock = new HandClock();

    @Test
    void a_client_gets_its_capacity_at_once_and_then_is_told_when_to_come_back() {
        RateLimiter limiter = new RateLimiter(5, Duration.ofMinutes(1), clock, 1000);
        for (int i = 0; i < 5; i++) {
            assertThat(limiter.acquire("198.51.100.1").allowed()).as("request %d", i + 1).isTrue();
        }
        RateLimiter.Decision refused = limiter.acquire("198.51.100.1");
        assertThat(refused.allowed()).isFalse();
        assertThat(refused.retryAfter()).isEqualTo(Duration.ofSeconds(12));
        assertThat(RateLimiter.retryAfterSeconds(refused.retryAfter())).isEqualTo(12);
    }

    @Test
    void waiting_the_retry_after_time_gives_one_more_request_and_waiting_less_does_not() {
        RateLimiter limiter = new RateLimiter(5, Duration.ofMinutes(1), clock, 1000);
        for (int i = 0; i < 5; i++) {
            limiter.acquire("client");
        }
        clock.now = clock.now.plusSeconds(11);
        assertThat(limiter.acquire("client").allowed()).isFalse();
        clock.now = clock.now.plusSeconds(1);
        assertThat(limiter.acquire("client").allowed()).isTrue();
        assertThat(limiter.acquire("client").allowed()).isFalse();
        clock.now = clock.now.plus(Duration.ofMinutes(5));
        for (int i = 0; i < 5; i++) {
            assertThat(limiter.acquire("client").allowed()).as("refilled to capacity, not beyond").isTrue();
        }
        assertThat(limiter.acquire("client").allowed()).isFalse();
    }

    @Test
    void clients_do_not_share_a_bucket() {
        RateLimiter limiter = new RateLimiter(1, Duration.ofMinutes(1), clock, 1000);
        assertThat(limiter.acquire("a").allowed()).isTrue();
        assertThat(limiter.acquire("a").allowed()).isFalse();
        assertThat(limiter.acquire("b").allowed()).isTrue();
    }

    @Test
    void a_clock_stepping_back_refills_nothing() {
        RateLimiter limiter = new RateLimiter(1, Duration.ofMinutes(1), clock, 1000);
        limiter.acquire("a");
        clock.now = clock.now.minus(Duration.ofHours(1));
        assertThat(limiter.acquire("a").allowed()).isFalse();
    }

    @Test
    void memory_stays_bounded_by_dropping_idle_clients_first() {
        RateLimiter limiter = new RateLimiter(2, Duration.ofMinutes(1), clock, 100);
        for (int i = 0; i < 100; i++) {
            limiter.acquire("old-" + i);
        }
        assertThat(limiter.size()).isEqualTo(100);
        clock.now = clock.now.plus(Duration.ofMinutes(2));
        limiter.acquire("busy");
        limiter.acquire("busy");
        assertThat(limiter.size()).as("idle buckets dropped, the new one kept").isEqualTo(1);
        assertThat(limiter.acquire("busy").allowed()).as("the busy client's count survived").isFalse();
    }
}
