package com.etitle.common;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import io.quarkus.scheduler.Scheduled;

import com.etitle.crypto.Hashes;

/**
 * Token buckets in PostgreSQL, so every replica brakes together and a restart forgets nothing: a limit allows
 * {@code capacity} at once, refilled evenly at {@code capacity} per {@code period}. Keys are stored as a SHA-256
 * of the counted value (a certificate number, a client address), never the value itself. Time comes from the clock.
 */
@ApplicationScoped
public class SharedBuckets {

    /** A named limit; the name keeps the buckets of different limits apart. */
    public record Limit(String name, int capacity, Duration period) {

        public Limit {
            if (capacity < 1 || period.isNegative() || period.isZero()) {
                throw new IllegalArgumentException("capacity and period must be positive");
            }
        }

        double periodSeconds() {
            return period.toNanos() / 1e9;
        }

        public Key key(String value) {
            return new Key(this, name + ":" + Base64.getUrlEncoder().withoutPadding()
                    .encodeToString(Hashes.sha256(value.getBytes(StandardCharsets.UTF_8))));
        }
    }

    /** One bucket of a limit. */
    public record Key(Limit limit, String id) {
    }

    /** How long until every bucket asked about has a token again (zero when all have one now), and whose bucket waits longest. */
    public record Wait(Duration duration, Limit limit) {

        static final Wait NONE = new Wait(Duration.ZERO, null);

        public boolean refused() {
            return !duration.isZero();
        }
    }

    // refilled tokens of the existing row at :now (multiplied before divided, so whole periods give whole tokens);
    // a clock that stepped back refills nothing
    private static final String REFILLED = "least(:capacity, b.tokens"
            + " + greatest(0, extract(epoch from (cast(:now as timestamptz) - b.refilled_at))) * :capacity / :period)";

    private final EntityManager em;
    private final Clock clock;

    SharedBuckets(EntityManager em, Clock clock) {
        this.em = em;
        this.clock = clock;
    }

    /**
     * How long until every one of these buckets has a token again, and whose waits longest. One read, with no
     * transaction of its own (none is needed to read one row), so the check costs a successful request little.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Wait wait(List<Key> keys) {
        return wait(keys, em.createQuery("from BrakeBucket b where b.key in :keys", BrakeBucket.class)
                .setParameter("keys", keys.stream().map(Key::id).toList())
                .getResultList());
    }

    /** The same, from the rows of these buckets a caller read itself (a missing row is a full bucket). */
    public Wait wait(List<Key> keys, List<BrakeBucket> rows) {
        Instant now = clock.instant();
        Wait longest = Wait.NONE;
        for (BrakeBucket row : rows) {
            Limit limit = keys.stream().filter(k -> k.id().equals(row.key)).findFirst().orElseThrow().limit();
            double nanosPerToken = (double) limit.period().toNanos() / limit.capacity();
            long elapsed = Math.max(0, Duration.between(row.refilledAt, now).toNanos());
            double tokens = Math.min(limit.capacity(), row.tokens + elapsed / nanosPerToken);
            if (tokens < 1) {
                long wait = Math.max(1, (long) Math.ceil((1 - tokens) * nanosPerToken));
                if (wait > longest.duration().toNanos()) {
                    longest = new Wait(Duration.ofNanos(wait), limit);
                }
            }
        }
        return longest;
    }

    /** Takes one token from each bucket whether it has one or not: a failure counted after a {@link #wait} let it through. */
    @Transactional
    public void spend(List<Key> keys) {
        for (Key key : keys) {
            upsert(key, "");
        }
    }

    /**
     * Takes one token from the bucket if it has one, atomically (concurrent requests on any replica cannot share
     * one); otherwise says how long until it will.
     */
    @Transactional
    public Duration acquire(Key key) {
        return upsert(key, " where " + REFILLED + " >= 1") ? Duration.ZERO : wait(List.of(key)).duration();
    }

    /** Forgets buckets that are full again, as they hold nothing a fresh one would not. */
    @Scheduled(identity = "brake-buckets", every = "${etitle.brake.forget-every:10m}", delayed = "1m",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    @Transactional
    void forgetFull() {
        em.createNativeQuery("delete from brake_bucket where full_at < :now").setParameter("now", at(clock.instant())).executeUpdate();
    }

    private boolean upsert(Key key, String condition) {
        // a brake's count is not a record: losing the last few counts in a database crash is harmless, and not waiting
        // for the WAL flush keeps a flood of failures from costing the database one disk flush each
        em.createNativeQuery("set local synchronous_commit = off").executeUpdate();
        Limit limit = key.limit();
        String tokens = REFILLED + " - 1";
        List<?> taken = em.createNativeQuery("insert into brake_bucket as b (bucket_key, tokens, refilled_at, full_at)"
                + " values (:key, :capacity - 1, :now, cast(:now as timestamptz) + make_interval(secs => :period / :capacity))"
                + " on conflict on constraint brake_bucket_pk do update set tokens = " + tokens + ","
                + " full_at = cast(:now as timestamptz) + make_interval(secs => (:capacity - (" + tokens + ")) * :period / :capacity),"
                + " refilled_at = greatest(b.refilled_at, cast(:now as timestamptz))" + condition
                + " returning b.tokens")
                .setParameter("key", key.id())
                .setParameter("capacity", (double) limit.capacity())
                .setParameter("period", limit.periodSeconds())
                .setParameter("now", at(clock.instant()))
                .getResultList();
        return !taken.isEmpty();
    }

    private static OffsetDateTime at(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    private static Instant instant(Object value) {
        if (value instanceof Instant i) {
            return i;
        }
        if (value instanceof OffsetDateTime o) {
            return o.toInstant();
        }
        return ((java.sql.Timestamp) value).toInstant();
    }
}
