package com.etitle.common;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A token bucket per key (a client address, say): {@code capacity} requests at once, refilled evenly at
 * {@code capacity} per {@code period}. Time comes from the injected clock.
 *
 * <p>The buckets live in this replica's memory. Behind a load balancer with R replicas a client can get up
 * to R × capacity per period, and a restart forgets every bucket; this is a brake on floods and scripts,
 * not an exact quota (which would need a shared store). Memory is bounded: when more than
 * {@code maxKeys} buckets exist, full (idle) ones are dropped, as they hold nothing a fresh bucket would not;
 * if none is idle (more distinct clients than that within one period) all are forgotten.
 */
public final class RateLimiter {

    /** What {@link #acquire} decided; {@code retryAfter} is zero when allowed. */
    public record Decision(boolean allowed, Duration retryAfter) {
    }

    private static final class Bucket {
        double tokens;
        Instant refilled;

        Bucket(double tokens, Instant refilled) {
            this.tokens = tokens;
            this.refilled = refilled;
        }
    }

    private final int capacity;
    private final Duration period;
    private final Clock clock;
    private final int maxKeys;
    private final ConcurrentHashMap<String, Bucket> buckets = new ConcurrentHashMap<>();

    public RateLimiter(int capacity, Duration period, Clock clock, int maxKeys) {
        if (capacity < 1 || period.isNegative() || period.isZero() || maxKeys < 1) {
            throw new IllegalArgumentException("capacity, period and maxKeys must be positive");
        }
        this.capacity = capacity;
        this.period = period;
        this.clock = clock;
        this.maxKeys = maxKeys;
    }

    /** Takes one token for the key if it has one; otherwise says how long until it will. */
    public Decision acquire(String key) {
        Instant now = clock.instant();
        if (buckets.size() >= maxKeys && !buckets.containsKey(key)) {
            evictIdle(now);
            if (buckets.size() >= maxKeys) {
                // more distinct clients than maxKeys within one period: a flood; forget rather than scan again per request
                buckets.clear();
            }
        }
        Bucket bucket = buckets.computeIfAbsent(key, k -> new Bucket(capacity, now));
        synchronized (bucket) {
            refill(bucket, now);
            if (bucket.tokens >= 1) {
                bucket.tokens -= 1;
                return new Decision(true, Duration.ZERO);
            }
            double nanosPerToken = (double) period.toNanos() / capacity;
            long wait = (long) Math.ceil((1 - bucket.tokens) * nanosPerToken);
            return new Decision(false, Duration.ofNanos(Math.max(wait, 1)));
        }
    }

    /** Seconds for a Retry-After header: rounded up, at least 1. */
    public static long retryAfterSeconds(Duration wait) {
        long seconds = wait.toSeconds() + (wait.toNanosPart() > 0 ? 1 : 0);
        return Math.max(1, seconds);
    }

    int size() {
        return buckets.size();
    }

    private void refill(Bucket bucket, Instant now) {
        // a clock that stepped back refills nothing rather than going negative
        if (now.isAfter(bucket.refilled)) {
            double elapsed = Duration.between(bucket.refilled, now).toNanos();
            bucket.tokens = Math.min(capacity, bucket.tokens + elapsed * capacity / period.toNanos());
            bucket.refilled = now;
        }
    }

    private void evictIdle(Instant now) {
        buckets.entrySet().removeIf(entry -> {
            Bucket bucket = entry.getValue();
            synchronized (bucket) {
                refill(bucket, now);
                return bucket.tokens >= capacity;
            }
        });
    }
}
