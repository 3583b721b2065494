package com.etitle.calendar;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.ReentrantLock;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.Startup;

/**
 * The working-day calendar in force: the shipped years and the configured files and dates, checked at start-up
 * so that bad data stops the service before it serves, with the years registrars entered at run time on top.
 *
 * <p>Entered years live in PostgreSQL, which every replica shares, with a version (the {@code working_day_calendar}
 * row of {@code register_version}) that a trigger moves in the same transaction as any change to them (V7).
 * Before each use this replica reads that version, one primary-key read, and uses its loaded calendar only when
 * the version is exactly the one it was loaded at; otherwise it loads the entered years again. So a year entered
 * on any replica, or written straight into the database, counts from the next use on every replica: no restart,
 * and no time-to-live during which a replica would still count with the old calendar. The calendar is used when
 * notices are opened or shown and objections filed, never on verification, so the read costs little.
 *
 * <p>The version is read on the caller's connection, so the common case costs no second one. Loading happens
 * outside the caller's transaction, reading the version again there: a calendar built from a transaction's own
 * uncommitted change could otherwise be kept under a version number that a different change commits later. The
 * version is read before the years, so a loaded calendar is never older than its version (at worst newer, and
 * the next use then loads again).
 */
@Startup
@ApplicationScoped
public class CurrentCalendar {

    /** The register_version row of the entered years; V7. */
    static final String REGISTER = "working_day_calendar";
    private static final Logger LOG = Logger.getLogger(CurrentCalendar.class);

    /** Who entered a year and when; the authority's code, never the officer. */
    public record Entry(Instant enteredAt, String authorityCode) {
    }

    /** A calendar and the entries of its entered years, as loaded together at one version. */
    public record Snapshot(HolidayCalendar calendar, Map<Integer, Entry> entries) {

        public Optional<Entry> entry(int year) {
            return Optional.ofNullable(entries.get(year));
        }
    }

    private record Loaded(long version, Snapshot snapshot) {
    }

    private final HolidayCalendar configured;
    private final DataSource database;
    private final AtomicReference<Loaded> loaded = new AtomicReference<>();
    private final ReentrantLock loading = new ReentrantLock();

    CurrentCalendar(CalendarConfig config, DataSource database) {
        this.configured = HolidayCalendar.load(config.files().orElse(List.of()), config.extraHolidays().orElse(List.of()),
                config.extraWorkingDays().orElse(List.of()));
        this.database = database;
        LOG.infof("Working-day calendar covers %s before entered years", configured.years());
    }

    /** The shipped and configured years and dates, without entered years. */
    HolidayCalendar configured() {
        return configured;
    }

    /** The calendar in force now. */
    public HolidayCalendar get() {
        return snapshot().calendar();
    }

    /** The calendar in force now, with who entered which of its years. */
    public Snapshot snapshot() {
        long version = readVersion();
        Loaded last = loaded.get();
        return last != null && last.version() == version ? last.snapshot() : load(version);
    }

    /** One thread loads; the others wait for its calendar rather than each reading the same rows. */
    private Snapshot load(long seen) {
        loading.lock();
        try {
            Loaded last = loaded.get();
            if (last != null && last.version() == seen) {
                return last.snapshot();
            }
            return QuarkusTransaction.suspendingExisting().call(() -> {
                long version = readVersion();
                Loaded current = loaded.get();
                if (current != null && current.version() == version) {
                    return current.snapshot();
                }
                Snapshot snapshot = readEntered();
                loaded.set(new Loaded(version, snapshot));
                LOG.infof("Working-day calendar version %d covers %s (entered: %s)", version, snapshot.calendar().years(),
                        snapshot.entries().keySet());
                return snapshot;
            });
        } finally {
            loading.unlock();
        }
    }

    private long readVersion() {
        try (Connection connection = database.getConnection();
                PreparedStatement select = connection.prepareStatement("SELECT version FROM register_version WHERE register = ?")) {
            select.setString(1, REGISTER);
            try (ResultSet row = select.executeQuery()) {
                if (!row.next()) {
                    throw new IllegalStateException("register_version has no row for " + REGISTER);
                }
                return row.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the working-day calendar version", e);
        }
    }

    /**
     * The entered years, read back through the same check as the shipped files. A row that fails it (it can only
     * have been written past the API) stops every count rather than be skipped: skipping would silently fall
     * back to the shipped arrangement it was meant to correct.
     */
    private Snapshot readEntered() {
        List<HolidayCalendar.Year> years = new ArrayList<>();
        Map<Integer, Entry> entries = new HashMap<>();
        try (Connection connection = database.getConnection();
                PreparedStatement select = connection.prepareStatement("""
                        SELECT y.year, y.arrangement, y.entered_at, a.code
                        FROM working_day_calendar_year y JOIN authority a ON a.id = y.authority_id ORDER BY y.year""");
                ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                int year = rows.getInt(1);
                HolidayCalendar.Year parsed = HolidayCalendar.parse("entered for " + year,
                        rows.getString(2).getBytes(StandardCharsets.UTF_8), HolidayCalendar.Origin.ENTERED);
                if (parsed.year() != year) {
                    throw new IllegalStateException("the arrangement entered for " + year + " is for " + parsed.year());
                }
                years.add(parsed);
                entries.put(year, new Entry(rows.getTimestamp(3).toInstant(), rows.getString(4)));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the entered working-day calendar years", e);
        }
        return new Snapshot(configured.withYears(years), Map.copyOf(entries));
    }
}
