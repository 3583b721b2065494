package com.etitle.common;

import java.util.function.ToDoubleFunction;
import java.util.regex.Pattern;

import jakarta.inject.Singleton;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * The service's own meters, served beside Quarkus' (HTTP, JVM, connection pool) at {@code /q/metrics} in Prometheus'
 * text format (docs/operations.md, "Metrics", lists each series). This class owns every name and the rule for labels:
 * a label's value is a name fixed in the code (an enum constant's name, a limit's name), checked against {@link #NAME}
 * when the meter is made, and meters are made once, when the class that counts is built. So nothing a request carries
 * (a certificate number, a name, a code, a token, an address) and nothing the register holds (an id) can become a
 * label, and the number of series is fixed. Counting is then an increment on a meter held in a field or an array: no
 * look-up in the registry and no tags built per request, which matters on verification, the hot path.
 */
@Singleton
public class Metrics {

    /** What a label's value may be: a short name, never free text. */
    static final Pattern NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_-]{0,39}");

    private final MeterRegistry registry;
    private final TransactionSynchronizationRegistry transactions;

    Metrics(MeterRegistry registry, TransactionSynchronizationRegistry transactions) {
        this.registry = registry;
        this.transactions = transactions;
    }

    /** {@code etitle_verifications_total}: answers given, by the way the verifier asked and the answer's result. */
    public Counter verifications(String method, String result) {
        return Counter.builder("etitle.verifications").description("Verifications answered, by method and result")
                .tag("method", name(method)).tag("result", name(result)).register(registry);
    }

    /** {@code etitle_face_files_total}: certificate face files sent to be verified, by what reading them found. */
    public Counter faceFiles(String kind) {
        return Counter.builder("etitle.face.files").description("Certificate face files (PDF, OFD) read for a verification, by what was found")
                .tag("kind", name(kind)).register(registry);
    }

    /** {@code etitle_issuances_seconds}: certificates issued one by one, and how long each took until committed. */
    public Timer issuances() {
        return Timer.builder("etitle.issuances").description("Single certificate issuances committed, and their duration")
                .register(registry);
    }

    /** {@code etitle_batches_seconds}: batch issuance requests by outcome, and how long each took. */
    public Timer batches(String outcome) {
        return Timer.builder("etitle.batches").description("Batch issuance requests, by outcome, and their duration")
                .tag("outcome", name(outcome)).register(registry);
    }

    /** {@code etitle_batch_certificates_total}: certificates committed by batch issuance. */
    public Counter batchCertificates() {
        return Counter.builder("etitle.batch.certificates").description("Certificates issued by batches that committed")
                .register(registry);
    }

    /** {@code etitle_status_changes_total}: certificate status changes committed, by kind. */
    public Counter statusChanges(String kind) {
        return Counter.builder("etitle.status.changes").description("Certificate status changes committed, by kind")
                .tag("kind", name(kind)).register(registry);
    }

    /** {@code etitle_rate_limit_refusals_total}: requests refused with 429, by the limit that refused them. */
    public Counter refusals(String limiter) {
        return Counter.builder("etitle.rate.limit.refusals").description("Requests refused with 429, by the limit that refused them")
                .tag("limiter", name(limiter)).register(registry);
    }

    /** {@code etitle_status_list_builds_total}: signed status lists built (a query and a signature each), by format. */
    public Counter statusListBuilds(String format) {
        return Counter.builder("etitle.status.list.builds").description("Signed status lists built because a status changed or"
                + " none was kept, by format").tag("format", name(format)).register(registry);
    }

    /** {@code etitle_cache_rebuilds_total}: answers or snapshots a cache of this replica built again, by cache. */
    public Counter cacheRebuilds(String cache) {
        return Counter.builder("etitle.cache.rebuilds").description("Entries built by this replica's caches of public answers and"
                + " of the register, by cache").tag("cache", name(cache)).register(registry);
    }

    /** {@code etitle_verification_log_queue_depth}: verification-log events waiting in this replica's queue. */
    public <T> void verificationLogQueue(T queue, ToDoubleFunction<T> depth) {
        // the registry holds the queue weakly: its owner (a bean) keeps it for the life of the application
        Gauge.builder("etitle.verification.log.queue.depth", queue, depth)
                .description("Verification-log events queued in this replica, not yet written").register(registry);
    }

    /** {@code etitle_verification_log_lag_seconds}: per batch written, how long its oldest event had waited. */
    public Timer verificationLogLag() {
        return Timer.builder("etitle.verification.log.lag").description("Per batch of verification-log events written, how long"
                + " its oldest event waited from the answer until written").register(registry);
    }

    /** {@code etitle_verification_log_written_total}: verification-log events written to the database. */
    public Counter verificationLogWritten() {
        return Counter.builder("etitle.verification.log.written").description("Verification-log events written to the database")
                .register(registry);
    }

    /** {@code etitle_verification_log_overflow_total}: events the answering thread wrote itself, the queue being full. */
    public Counter verificationLogOverflow() {
        return Counter.builder("etitle.verification.log.overflow").description("Verification-log events written by the request"
                + " itself because the queue was full (the writer had fallen behind)").register(registry);
    }

    /** {@code etitle_verification_log_write_failures_total}: failed attempts to write a batch (each is retried). */
    public Counter verificationLogWriteFailures() {
        return Counter.builder("etitle.verification.log.write.failures").description("Attempts to write a batch of verification-log"
                + " events that failed and were retried").register(registry);
    }

    /** {@code etitle_register_memory_in_step}: 1 while verification answers signed forms from memory, 0 while from the database. */
    public <T> void registerMemoryInStep(T memory, ToDoubleFunction<T> inStep) {
        Gauge.builder("etitle.register.memory.in.step", memory, inStep)
                .description("1 while this replica's register memory is in step and answers verifications, 0 while they read the database")
                .register(registry);
    }

    /**
     * Runs {@code counting} once the caller's transaction has committed, and never if it rolls back, so a series counts
     * what happened, not what was attempted. Needs an active transaction.
     */
    public void afterCommit(Runnable counting) {
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
                // nothing to do before
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    counting.run();
                }
            }
        });
    }

    private static String name(String value) {
        if (value == null || !NAME.matcher(value).matches()) {
            throw new IllegalArgumentException("not a label value fixed in the code: " + value);
        }
        return value;
    }
}
