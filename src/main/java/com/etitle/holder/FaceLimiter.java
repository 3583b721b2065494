package com.etitle.holder;

import java.time.Clock;
import java.time.Duration;

import jakarta.inject.Singleton;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import com.etitle.common.Metrics;
import com.etitle.common.RateLimiter;
import com.etitle.common.TooManyRequestsException;

import io.micrometer.core.instrument.Counter;
import io.quarkus.runtime.Startup;

/**
 * The brake on printable documents: rendering and signing one costs about 10 ms of CPU, so one holder's token
 * in a loop could take a replica's cores. {@code etitle.holder.documents.per-holder} per period and holder, per
 * replica (an app fetches a document when the holder opens or prints it, a handful of times a day).
 */
@Singleton
// made at start, so that its series are exported (from zero) before the first request counts
@Startup
public class FaceLimiter {

    private final RateLimiter limiter;
    private final Counter refused;

    FaceLimiter(Clock clock,
            @ConfigProperty(name = "etitle.holder.documents.per-holder", defaultValue = "20") int perHolder,
            @ConfigProperty(name = "etitle.holder.documents.period", defaultValue = "PT1M") Duration period, Metrics metrics) {
        this.limiter = new RateLimiter(perHolder, period, clock, 100_000);
        this.refused = metrics.refusals("holder-documents");
    }

    /** Counts one document of the holder; throws 429 with Retry-After when none is left. */
    public void acquire(String holderIdNumberHash) {
        RateLimiter.Decision decision = limiter.acquire(holderIdNumberHash);
        if (!decision.allowed()) {
            refused.increment();
            throw new TooManyRequestsException("detail.rate-limited.documents",
                    decision.retryAfter());
        }
    }
}
