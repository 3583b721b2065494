package com.etitle.verification;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import com.etitle.common.Metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Timer;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.vertx.core.Context;

/**
 * Records every verification that named a certificate, for its holder's verification log, without making the
 * verifier wait for a database write: events queue in memory and one writer thread inserts them in batches
 * (one transaction, one JDBC batch) every {@code etitle.verification-log.flush-every} or as soon as a batch
 * fills. Nothing is dropped: a full queue makes the caller write its own event, a failed batch is retried,
 * and a clean shutdown writes what is queued before the database connection pool closes. A SIGKILL loses at
 * most the events of the last interval on this replica.
 */
@ApplicationScoped
public class VerificationLog {

    private static final Logger LOG = Logger.getLogger(VerificationLog.class);
    private static final int BATCH = 1_000;
    private static final int CAPACITY = 100_000;
    private static final String INSERT = "INSERT INTO verification_event (certificate_id, verified_at, method, result, grant_id)"
            + " VALUES (?, ?, ?, ?, ?)";
    /** The ids of the events that name their certificate by number (answered from memory): one query a batch. */
    private static final String IDS = "SELECT number, id FROM certificate WHERE number = ANY(?)";

    /**
     * One verification that named a certificate, by its id or (answered from memory) by its number. Never the
     * verifier's address.
     */
    public record Event(Long certificateId, String number, Instant at, VerificationAnswer.Method method, Outcome result, UUID grantId) {
    }

    /** An event as queued, with when (System.nanoTime(), not the replaceable clock), for the writer's lag. */
    private record Queued(Event event, long queuedAt) {
    }

    private final DataSource dataSource;
    private final Duration flushEvery;
    private final BlockingQueue<Queued> queue = new LinkedBlockingQueue<>(CAPACITY);
    private final Timer lag;
    private final Counter written;
    private final Counter overflow;
    private final Counter writeFailures;
    /** One writer at a time, so events reach the table in the order they were taken from the queue. */
    private final ReentrantLock writing = new ReentrantLock();
    private volatile boolean running;
    private Thread writer;

    VerificationLog(DataSource dataSource,
            @ConfigProperty(name = "etitle.verification-log.flush-every", defaultValue = "PT0.2S") Duration flushEvery, Metrics metrics) {
        this.dataSource = dataSource;
        this.flushEvery = flushEvery;
        metrics.verificationLogQueue(queue, BlockingQueue::size);
        this.lag = metrics.verificationLogLag();
        this.written = metrics.verificationLogWritten();
        this.overflow = metrics.verificationLogOverflow();
        this.writeFailures = metrics.verificationLogWriteFailures();
    }

    void start(@Observes StartupEvent event) {
        running = true;
        writer = new Thread(this::writeLoop, "verification-log-writer");
        writer.setDaemon(true);
        writer.start();
    }

    /** Writes what is queued before the connection pool closes (shutdown observers run before beans are destroyed). */
    void stop(@Observes ShutdownEvent event) {
        running = false;
        if (writer != null) {
            writer.interrupt();
            try {
                writer.join(TimeUnit.SECONDS.toMillis(10));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        int written = flush();
        LOG.debugf("verification log: %d queued events written at shutdown", written);
    }

    public void record(Event event) {
        if (!queue.offer(new Queued(event, System.nanoTime()))) {
            overflow.increment();
            // the writer is far behind (database slow or down): this caller pays for its own event rather than lose it;
            // an event loop must not wait for the database, so there a worker thread writes it
            if (Context.isOnEventLoopThread()) {
                Infrastructure.getDefaultWorkerPool().execute(() -> write(List.of(event)));
            } else {
                write(List.of(event));
            }
        }
    }

    /** Writes every queued event now; answers how many. The holder's log calls it so a replica shows its own events at once. */
    public int flush() {
        int total = 0;
        writing.lock();
        try {
            List<Queued> batch = new ArrayList<>(BATCH);
            while (queue.drainTo(batch, BATCH) > 0) {
                writeWithRetry(batch.stream().map(Queued::event).toList());
                // the queue is first in, first out: the batch's first event waited longest
                lag.record(System.nanoTime() - batch.get(0).queuedAt(), TimeUnit.NANOSECONDS);
                total += batch.size();
                batch.clear();
            }
        } finally {
            writing.unlock();
        }
        return total;
    }

    /**
     * Every flushEvery, writes what has queued. Events stay in the queue until a writer holding the lock takes
     * them, so a {@link #flush()} that returns has seen every event recorded before it was called.
     */
    private void writeLoop() {
        while (running) {
            try {
                Thread.sleep(flushEvery.toMillis());
            } catch (InterruptedException e) {
                if (!running) {
                    return;
                }
            }
            if (!queue.isEmpty()) {
                flush();
            }
        }
    }

    private void writeWithRetry(List<Event> batch) {
        for (int attempt = 1;; attempt++) {
            try {
                insert(batch);
                return;
            } catch (SQLException e) {
                writeFailures.increment();
                if (attempt >= 5 && !running) {
                    LOG.errorf("verification log: %d events could not be written at shutdown (%s)", batch.size(), e.getSQLState());
                    return;
                }
                LOG.warnf("verification log: writing %d events failed (%s), retrying", batch.size(), e.getSQLState());
                try {
                    Thread.sleep(Math.min(5_000, 100L << Math.min(attempt, 6)));
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                }
            }
        }
    }

    /**
     * A caller whose event found the queue full writes it at once, beside the writer rather than behind it (the log
     * is read in the order of each event's own time), so a writer that has fallen behind never holds requests up.
     */
    private void write(List<Event> events) {
        writeWithRetry(events);
    }

    private void insert(List<Event> events) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            boolean autoCommit = connection.getAutoCommit();
            connection.setAutoCommit(false);
            try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
                Map<String, Long> ids = idsByNumber(connection, events);
                for (Event e : events) {
                    Long id = e.certificateId() != null ? e.certificateId() : ids.get(e.number());
                    if (id == null) {
                        // memory answers only for numbers the register has, which are never deleted: nothing to log against
                        continue;
                    }
                    insert.setLong(1, id);
                    insert.setTimestamp(2, Timestamp.from(e.at()));
                    insert.setString(3, e.method().name());
                    insert.setString(4, e.result().name());
                    if (e.grantId() == null) {
                        insert.setNull(5, Types.OTHER);
                    } else {
                        insert.setObject(5, e.grantId());
                    }
                    insert.addBatch();
                }
                int[] rows = insert.executeBatch();
                connection.commit();
                written.increment(rows.length);
            } catch (SQLException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(autoCommit);
            }
        }
    }

    private static Map<String, Long> idsByNumber(Connection connection, List<Event> events) throws SQLException {
        String[] numbers = events.stream().filter(e -> e.certificateId() == null).map(Event::number).distinct().toArray(String[]::new);
        Map<String, Long> ids = new HashMap<>();
        if (numbers.length == 0) {
            return ids;
        }
        try (PreparedStatement query = connection.prepareStatement(IDS)) {
            query.setArray(1, connection.createArrayOf("text", numbers));
            try (ResultSet r = query.executeQuery()) {
                while (r.next()) {
                    ids.put(r.getString(1), r.getLong(2));
                }
            }
        }
        return ids;
    }
}
