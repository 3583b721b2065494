package com.etitle.verification;

import java.time.Duration;
import java.util.List;

import jakarta.inject.Singleton;

import com.etitle.common.BrakeBucket;
import com.etitle.common.SharedBuckets;
import com.etitle.common.SharedBuckets.Key;
import com.etitle.common.SharedBuckets.Limit;
import com.etitle.common.TooManyRequestsException;

/**
 * Brakes guessing of verification codes and grant codes: only failures are counted, per certificate number (so
 * spreading guesses over many addresses does not help) and per client address, in PostgreSQL for every replica.
 * A braked number or client is refused before anything is compared, so a right code answers exactly like a wrong one.
 */
@Singleton
public class GuessBrake {

    private final SharedBuckets buckets;
    private final Limit perNumber;
    private final Limit perClient;

    GuessBrake(SharedBuckets buckets, BrakeConfig config) {
        this.buckets = buckets;
        this.perNumber = new Limit("verify-number", config.perNumber(), config.perNumberPeriod());
        this.perClient = new Limit("verify-client", config.perClient(), config.perClientPeriod());
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

    private static void refuseFor(Duration wait) {
        if (!wait.isZero()) {
            throw new TooManyRequestsException("detail.rate-limited.verifications", wait);
        }
    }

    /** Counts one failure against each bucket. */
    void failed(List<Key> keys) {
        buckets.spend(keys);
    }
}
