package com.etitle.common;

import java.time.Duration;

/** A 429 problem; the mapper adds {@code Retry-After} in whole seconds. */
public class TooManyRequestsException extends ProblemException {

    private final long retryAfterSeconds;

    /** {@code detailKey} names the detail in the problem texts. */
    public TooManyRequestsException(String detailKey, Duration retryAfter) {
        super(ProblemType.RATE_LIMITED, detailKey);
        this.retryAfterSeconds = RateLimiter.retryAfterSeconds(retryAfter);
    }

    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
