package com.etitle.verification;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

import com.etitle.authority.KeyRing;
import com.etitle.authority.SigningKey;
import com.etitle.certificate.CertificateStatus;
import com.etitle.common.Metrics;
import com.etitle.crypto.KeyAlgorithm;
import com.etitle.verification.RegisterMemory.AuthorityFacts;
import com.etitle.verification.RegisterMemory.KeyFacts;

import io.micrometer.core.instrument.Counter;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;

/**
 * Keeps {@link RegisterMemory} exact. One connection LISTENs on {@code etitle_register}; on every notification, and
 * every {@code etitle.register-memory.heartbeat} without one, it reads the register's change log after the last
 * version applied. Versions have no gaps (see {@code V10__register_changes.sql}), so one that skips, a lost connection
 * or any error puts the memory out of step (verification reads the database) until a new connection has listened
 * and reloaded keys and statuses in one snapshot with the version they reflect. Which numbers exist is loaded once,
 * in the background, since those entries never go stale.
 */
@ApplicationScoped
public class RegisterListener {

    private static final Logger LOG = Logger.getLogger(RegisterListener.class);
    /**
     * How the listening session names itself in pg_stat_activity, followed by a space and this process's id, so an
     * operator (or a test) can tell the replicas' listeners apart.
     */
    public static final String APPLICATION_NAME = "etitle-register-listener";
    private static final String CHANNEL = "etitle_register";

    private final DataSource dataSource;
    private final RegisterMemory memory;
    private final KeyRing keyRing;
    private final Duration heartbeat;
    private final boolean enabled;
    private final Counter reloaded;
    private volatile boolean running;
    private volatile Connection current;
    private Thread listener;
    private long applied;

    RegisterListener(DataSource dataSource, RegisterMemory memory, KeyRing keyRing,
            @ConfigProperty(name = "etitle.register-memory.heartbeat", defaultValue = "PT0.2S") Duration heartbeat,
            @ConfigProperty(name = "etitle.register-memory.enabled", defaultValue = "true") boolean enabled, Metrics metrics) {
        this.reloaded = metrics.cacheRebuilds("register-memory");
        this.dataSource = dataSource;
        this.memory = memory;
        this.keyRing = keyRing;
        this.heartbeat = heartbeat;
        this.enabled = enabled;
    }

    void start(@Observes StartupEvent event) {
        if (!enabled) {
            LOG.info("register memory is off: every verification reads the database");
            return;
        }
        running = true;
        listener = new Thread(this::listen, "register-listener");
        listener.setDaemon(true);
        listener.start();
        Thread loader = new Thread(this::loadNumbers, "register-numbers-loader");
        loader.setDaemon(true);
        loader.start();
    }

    void stop(@Observes ShutdownEvent event) {
        running = false;
        memory.outOfStep();
        Connection c = current;
        if (c != null) {
            try {
                c.close();
            } catch (SQLException ignored) {
                // closing anyway
            }
        }
        if (listener != null) {
            listener.interrupt();
        }
    }

    private void listen() {
        long backoff = 100;
        while (running) {
            try (Connection c = dataSource.getConnection()) {
                current = c;
                try {
                    listenAndLoad(c);
                    // in step again: a later loss is a new incident, retried as quickly as the first
                    backoff = 100;
                    follow(c);
                } finally {
                    forget(c);
                }
            } catch (SQLException | RuntimeException e) {
                memory.outOfStep();
                if (running) {
                    LOG.warnf("register memory out of step, verification reads the database until it is back: %s", e.getMessage());
                }
            } finally {
                memory.outOfStep();
                current = null;
            }
            sleep(backoff);
            backoff = Math.min(backoff * 2, 2_000);
        }
    }

    /** The start of one connection's life: listen, then load. */
    private void listenAndLoad(Connection c) throws SQLException {
        c.setAutoCommit(true);
        try (Statement s = c.createStatement()) {
            s.execute("SET application_name = '" + APPLICATION_NAME + " " + ProcessHandle.current().pid() + "'");
            s.execute("SET statement_timeout = 0");
            // listen before loading, so a change committed during the load is announced, and then found after the snapshot
            s.execute("LISTEN " + CHANNEL);
        }
        load(c);
        memory.inStep(applied, loadedAt);
        LOG.debugf("register memory in step at version %d", applied);
    }

    /** The rest of it: apply changes, on every notification and heartbeat, until something goes wrong. */
    private void follow(Connection c) throws SQLException {
        PGConnection pg = c.unwrap(PGConnection.class);
        while (running) {
            PGNotification[] notifications = pg.getNotifications((int) heartbeat.toMillis());
            if (!memory.isInStep()) {
                throw new SQLException("a change made here was not heard back in time");
            }
            long started = System.nanoTime();
            catchUp(c);
            memory.advancedTo(applied);
            memory.confirmed(started);
            if (notifications == null || notifications.length == 0) {
                pruneNowAndThen(c);
            }
        }
    }

    /**
     * Before the connection goes back to the pool: no longer listening, nor named as the listener. Sent through the
     * pool's wrapper, so that on a connection the server has ended it fails in a way the pool recognises, and the pool
     * drops the connection instead of lending it to a request or to the next attempt: the error that ended the session
     * came from the driver's own connection (notifications are read there), which the pool never sees.
     */
    private static void forget(Connection c) {
        try (Statement s = c.createStatement()) {
            c.setAutoCommit(true);
            // RESET restores the pool's statement timeout, which the connection was opened with
            s.execute("UNLISTEN *; RESET statement_timeout; RESET application_name");
        } catch (SQLException e) {
            // a connection that is gone: the pool has marked it to be dropped
        }
    }

    private long loadedAt;

    /** Keys, authorities and the certificates not VALID, with the version they reflect, in one snapshot. */
    private void load(Connection c) throws SQLException {
        long started = System.nanoTime();
        c.setAutoCommit(false);
        try (Statement s = c.createStatement()) {
            s.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY");
            long version;
            try (ResultSet r = s.executeQuery("SELECT version FROM register_clock")) {
                r.next();
                version = r.getLong(1);
            }
            RegisterMemory.Keys keys = readKeys(c);
            Map<String, CertificateStatus> notValid = new HashMap<>();
            try (ResultSet r = s.executeQuery("SELECT number, status FROM certificate WHERE status <> 'VALID'")) {
                while (r.next()) {
                    notValid.put(r.getString(1), CertificateStatus.valueOf(r.getString(2)));
                }
            }
            c.commit();
            memory.replaceKeys(keys);
            memory.replaceNotValid(notValid);
            applied = version;
            loadedAt = started;
            reloaded.increment();
        } finally {
            try {
                c.setAutoCommit(true);
            } catch (SQLException e) {
                // a connection lost mid-load fails here too; the failure to report is the one that ended the load
            }
        }
    }

    private RegisterMemory.Keys readKeys(Connection c) throws SQLException {
        Map<Long, AuthorityFacts> authorities = new HashMap<>();
        Map<String, KeyFacts> byKid = new HashMap<>();
        try (Statement s = c.createStatement()) {
            try (ResultSet r = s.executeQuery("SELECT id, code, name FROM authority")) {
                while (r.next()) {
                    authorities.put(r.getLong(1), new AuthorityFacts(r.getLong(1), r.getString(2), r.getString(3)));
                }
            }
            try (ResultSet r = s.executeQuery("SELECT kid, authority_id, algorithm, public_key, status FROM signing_key")) {
                while (r.next()) {
                    String kid = r.getString(1);
                    KeyAlgorithm algorithm = KeyAlgorithm.valueOf(r.getString(3));
                    byKid.put(kid, new KeyFacts(kid, authorities.get(r.getLong(2)), SigningKey.Status.valueOf(r.getString(5)),
                            keyRing.verifier(kid, algorithm, r.getBytes(4))));
                }
            }
        }
        return new RegisterMemory.Keys(Map.copyOf(authorities), Map.copyOf(byKid));
    }

    /** Applies every change after the last one applied, in order; a version that skips one means a change was missed. */
    private void catchUp(Connection c) throws SQLException {
        boolean keysChanged = false;
        try (PreparedStatement s = c.prepareStatement(
                "SELECT version, kind, number, status FROM register_change WHERE version > ? ORDER BY version")) {
            s.setLong(1, applied);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    long version = r.getLong(1);
                    if (version != applied + 1) {
                        throw new SQLException("register change " + (applied + 1) + " is missing (next is " + version + ")");
                    }
                    switch (r.getString(2)) {
                        case "CERTIFICATE" -> memory.statusChanged(r.getString(3), CertificateStatus.valueOf(r.getString(4)));
                        default -> keysChanged = true;
                    }
                    applied = version;
                }
            }
        }
        if (keysChanged) {
            memory.replaceKeys(readKeys(c));
        }
    }

    private long prunedAt = System.nanoTime();

    /** Changes older than a few minutes are of no use to anyone: a replica that falls behind reloads. */
    private void pruneNowAndThen(Connection c) throws SQLException {
        if (System.nanoTime() - prunedAt < TimeUnit.MINUTES.toNanos(5)) {
            return;
        }
        prunedAt = System.nanoTime();
        try (Statement s = c.createStatement()) {
            s.executeUpdate("DELETE FROM register_change WHERE changed_at < now() - interval '10 minutes'");
        }
    }

    /** Every number in the register, once, in the background; until it is done a number not yet known is read when asked. */
    private void loadNumbers() {
        long started = System.nanoTime();
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try (Statement s = c.createStatement()) {
                s.execute("SET LOCAL statement_timeout = 0");
                s.setFetchSize(10_000);
                try (ResultSet r = s.executeQuery("SELECT number, authority_id, licence_id, series, level FROM certificate")) {
                    while (r.next() && running) {
                        int packed = memory.pack(r.getLong(2), r.getString(1), r.getString(3), r.getString(4), r.getString(5));
                        if (packed >= 0) {
                            memory.know(r.getString(1), packed);
                        }
                    }
                }
            }
            c.commit();
            LOG.infof("register memory: %s, loaded in %d ms", memory.footprint(), TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
        } catch (SQLException | RuntimeException e) {
            LOG.warnf("register memory: numbers not loaded (%s); each is read when first verified", e.getMessage());
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
