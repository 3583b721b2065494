package com.etitle.verification;

import java.util.List;

import jakarta.inject.Singleton;

import com.etitle.common.BrakeBucket;
import com.etitle.common.Metrics;
import com.etitle.common.SharedBuckets;
import com.etitle.common.SharedBuckets.Key;
import com.etitle.common.SharedBuckets.Limit;
import com.etitle.common.TooManyRequestsException;

import io.micrometer.core.instrument.Counter;
import io.quarkus.runtime.Startup;

/**
 * Brakes guessing of verification codes and grant codes: only failures are counted, per certificate number (so
 * spreading guesses over many addresses does not help) and per client address, in PostgreSQL for every replica.
 * A braked number or client is refused before anything is compared, so a right code answers exactly like a wrong one.
 */
@Singleton
// made at start, so that its series are exported (from zero) before the first request counts
@Startup
public class GuessBrake {

    private final SharedBuckets buckets;
    private final Limit perNumber;
    private final Limit perClient;
    private final Counter refusedPerNumber;
    private final Counter refusedPerClient;

    GuessBrake(SharedBuckets buckets, BrakeConfig config, Metrics metrics) {
        this.buckets = buckets;
        this.perNumber = new Limit("verify-number", config.perNumber(), config.perNumberPeriod());
        this.perClient = new Limit("verify-client", config.perClient(), config.perClientPeriod());
        this.refusedPerNumber = metrics.refusals(perNumber.name());
        this.refusedPerClient = metrics.refusals(perClient.name());
    }

    /** The buckets a number + name + code verification counts against. */
    List<Key> keys(String number, String client) {
        return List.of(perNumber.key(number), perClient.key(client));
    }

    /** The bucket a grant look-up counts against: a grant code names no certificate, so only the client's. */
    List<Key> keys(String client) {
        return List.of(perClient.key(client));
    }

    /** Throws 429 with Retry-After when any of these buckets is empty. */
    void check(List<Key> keys) {
        refuseFor(buckets.wait(keys));
    }

    /** The same, from the rows of these buckets the caller read with its own query. */
    void check(List<Key> keys, List<BrakeBucket> rows) {
        refuseFor(buckets.wait(keys, rows));
    }

    /** A refusal is counted once, against the limit that made it wait longest (the one its Retry-After tells). */
    private void refuseFor(SharedBuckets.Wait wait) {
        if (wait.refused()) {
            (wait.limit().equals(perNumber) ? refusedPerNumber : refusedPerClient).increment();
            throw new TooManyRequestsException("detail.rate-limited.verifications", wait.duration());
        }
    }

    /** Counts one failure against each bucket. */
    void failed(List<Key> keys) {
        buckets.spend(keys);
    }
}
