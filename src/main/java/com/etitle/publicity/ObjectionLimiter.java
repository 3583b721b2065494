package com.etitle.publicity;

import java.time.Clock;

import jakarta.inject.Singleton;

import com.etitle.common.RateLimiter;
import com.etitle.common.TooManyRequestsException;

/** The brake on objections: {@code etitle.publicity.objections.per-client} per period and client address, per replica. */
@Singleton
public class ObjectionLimiter {

    private final RateLimiter limiter;

    ObjectionLimiter(PublicityConfig config, Clock clock) {
        PublicityConfig.ObjectionLimit limit = config.objections();
        this.limiter = new RateLimiter(limit.perClient(), limit.period(), clock, limit.maxClients());
    }

    /** Counts one attempt of the client, valid or not; throws 429 with Retry-After when it has none left. */
    public void acquire(String clientAddress) {
        RateLimiter.Decision decision = limiter.acquire(clientAddress);
        if (!decision.allowed()) {
            throw new TooManyRequestsException("Too many objections from your address; retry after the time in Retry-After",
                    decision.retryAfter());
        }
    }
}
