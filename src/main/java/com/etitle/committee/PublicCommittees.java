package com.etitle.committee;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.ReentrantLock;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;

import com.etitle.common.Metrics;

import io.micrometer.core.instrument.Counter;
import io.quarkus.runtime.Startup;

/**
 * The committee register as the public reads it: a {@link CommitteeSnapshot} of it in this replica's memory,
 * whose version decides how long pages rendered from it are kept (see {@code PublicAnswers#current}).
 * PostgreSQL stays the only record: the register's version there (moved by a trigger with every change to
 * the committee table, see V5) is read at most every {@code etitle.committees.version-check-interval}
 * (0.5 s) and at once after this replica's own writes, and a new version loads a new snapshot. So a change
 * made on another replica, or straight in the database, is served by every replica within that interval,
 * well inside the 60 s clients may cache a page anyway. The version is read before the snapshot is loaded,
 * so a snapshot is never older than its version. Reading the version on every request instead halves the
 * throughput (bench/lists: ~18,000 against ~40,000 requests/s on two shared cores).
 */
@ApplicationScoped
// made at start, so that its series are exported (from zero) before the first request counts
@Startup
class PublicCommittees {

    /** A snapshot and when the version read that confirmed it started. */
    private record Checked(CommitteeSnapshot snapshot, long readStartedAt) {
    }

    private final AtomicReference<Checked> checked = new AtomicReference<>();
    private final ReentrantLock loading = new ReentrantLock();
    private final CommitteeService service;
    private final DataSource database;
    private final long checkIntervalNanos;
    private volatile long forgottenAt = System.nanoTime();
    private final Counter loaded;

    PublicCommittees(CommitteeService service, DataSource database, CommitteesConfig config, Metrics metrics) {
        this.loaded = metrics.cacheRebuilds("committees");
        this.service = service;
        this.database = database;
        this.checkIntervalNanos = config.versionCheckInterval().toNanos();
    }

    /** A committee filed since the snapshot (on another replica) is looked up rather than answered 404. */
    Optional<CommitteeView> committee(String id) {
        return CommitteeService.parseId(id).flatMap(key -> snapshot().committee(key).or(() -> service.get(key)));
    }

    /** After a write of this replica commits: the next request reads the version again. */
    void forgetVersion() {
        forgottenAt = System.nanoTime();
    }

    /**
     * The current snapshot. The last one is trusted while the read that confirmed it started less than the
     * interval ago and after this replica's last write; times are those of the start of each read, so a read
     * that raced a write is never taken for one that followed it.
     */
    CommitteeSnapshot snapshot() {
        Checked last = checked.get();
        long started = System.nanoTime();
        if (last != null && last.readStartedAt() - forgottenAt > 0 && started - last.readStartedAt() < checkIntervalNanos) {
            return last.snapshot();
        }
        long version = readVersion();
        CommitteeSnapshot snapshot = last != null && last.snapshot().version() == version ? last.snapshot() : load(version);
        checked.accumulateAndGet(new Checked(snapshot, started),
                (old, now) -> old == null || now.readStartedAt() - old.readStartedAt() > 0 ? now : old);
        return snapshot;
    }

    /** One thread loads; the others wait for its snapshot rather than each loading the same rows. */
    private CommitteeSnapshot load(long version) {
        loading.lock();
        try {
            Checked last = checked.get();
            if (last != null && last.snapshot().version() == version) {
                return last.snapshot();
            }
            CommitteeSnapshot snapshot = new CommitteeSnapshot(version, service.published());
            loaded.increment();
            return snapshot;
        } finally {
            loading.unlock();
        }
    }

    private long readVersion() {
        try (Connection connection = database.getConnection();
                PreparedStatement select = connection.prepareStatement("SELECT version FROM register_version WHERE register = 'committee'");
                ResultSet row = select.executeQuery()) {
            if (!row.next()) {
                throw new IllegalStateException("register_version has no row for committee");
            }
            return row.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the committee register version", e);
        }
    }
}
