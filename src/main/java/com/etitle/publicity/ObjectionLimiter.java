package com.etitle.publicity;

import java.time.Duration;

import jakarta.inject.Singleton;

import com.etitle.common.Metrics;
import com.etitle.common.SharedBuckets;
import com.etitle.common.TooManyRequestsException;

import io.micrometer.core.instrument.Counter;
import io.quarkus.runtime.Startup;

/**
 * The brake on objections: {@code etitle.publicity.objections.per-client} per period and client address, counted in
 * PostgreSQL, so every replica shares one count and a restart forgets nothing.
 */
@Singleton
// made at start, so that its series are exported (from zero) before the first request counts
@Startup
public class ObjectionLimiter {

    private final SharedBuckets buckets;
    private final SharedBuckets.Limit limit;
    private final Counter refused;

    ObjectionLimiter(PublicityConfig config, SharedBuckets buckets, Metrics metrics) {
        this.buckets = buckets;
        this.limit = new SharedBuckets.Limit("objection-client", config.objections().perClient(), config.objections().period());
        this.refused = metrics.refusals(limit.name());
    }

    /** Counts one attempt of the client, valid or not; throws 429 with Retry-After when it has none left. */
    public void acquire(String clientAddress) {
        Duration wait = buckets.acquire(limit.key(clientAddress));
        if (!wait.isZero()) {
            refused.increment();
            throw new TooManyRequestsException("detail.rate-limited.objections", wait);
        }
    }
}
