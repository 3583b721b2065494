package com.etitle.common;

import java.sql.SQLException;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Optional;
import java.util.Set;

/**
 * Tells "the database cannot serve us now" apart from every other failure, so that it answers 503 with
 * Retry-After instead of 500. The decision rests on SQLState classes, which PostgreSQL and its driver set
 * for exactly these conditions, never on what a caller sent: bad input fails with class 22 (data) or 23
 * (constraints), which stays a 4xx or, if it ever slipped through validation, a 500 that is a bug to fix.
 */
public final class DatabaseFaults {

    /** Seconds a client should wait: longer than a failover or a restart usually needs to accept connections again. */
    public static final int RETRY_AFTER_SECONDS = 5;

    /** The pool's own message when no connection became free or could be made within the acquisition timeout. */
    private static final String ACQUISITION_TIMEOUT = "Acquisition timeout";

    private DatabaseFaults() {
    }

    /**
     * True when some exception in the chain (causes, suppressed and the driver's next exceptions) says the
     * database is unreachable, shutting down, out of resources, or did not answer within the statement or
     * socket timeout.
     */
    public static boolean unavailable(Throwable failure) {
        return reason(failure).isPresent();
    }

    /** The SQLState that says so, or "pool timeout"; for the log, which must not carry the driver's messages (they may quote values). */
    public static Optional<String> reason(Throwable failure) {
        return Optional.ofNullable(reason(failure, Collections.newSetFromMap(new IdentityHashMap<>())));
    }

    private static String reason(Throwable t, Set<Throwable> seen) {
        if (t == null || !seen.add(t)) {
            return null;
        }
        if (t instanceof SQLException sql) {
            if (unavailableState(sql.getSQLState())) {
                return "SQLState " + sql.getSQLState();
            }
            if (sql.getSQLState() == null && sql.getMessage() != null && sql.getMessage().startsWith(ACQUISITION_TIMEOUT)) {
                return "pool timeout";
            }
            String next = reason(sql.getNextException(), seen);
            if (next != null) {
                return next;
            }
        }
        for (Throwable suppressed : t.getSuppressed()) {
            String found = reason(suppressed, seen);
            if (found != null) {
                return found;
            }
        }
        return reason(t.getCause(), seen);
    }

    /**
     * 08: connection exceptions (refused, broken, I/O error or socket timeout in the driver); 53: insufficient
     * resources (53100 disk full, 53200 out of memory, 53300 too many connections); 57P01–57P03: the server is
     * shutting down, crashed or is starting; 57014: the statement was cancelled by {@code statement_timeout}
     * (the service never cancels a statement itself).
     */
    static boolean unavailableState(String state) {
        if (state == null) {
            return false;
        }
        return state.startsWith("08") || state.startsWith("53")
                || state.equals("57P01") || state.equals("57P02") || state.equals("57P03") || state.equals("57014");
    }
}
