package com.etitle.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.SocketTimeoutException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

import jakarta.persistence.PersistenceException;

import org.junit.jupiter.api.Test;

/** Which failures mean "the database cannot serve us now" (503) and which do not (the caller's input, or a bug). */
class DatabaseFaultsTest {

    @Test
    void connection_failures_shutdowns_timeouts_and_exhausted_resources_mean_the_database_is_unavailable() {
        for (String state : new String[] {"08001", "08003", "08006", "53100", "53200", "53300", "57P01", "57P02", "57P03", "57014"}) {
            assertThat(DatabaseFaults.unavailable(new SQLException("server says no", state))).as(state).isTrue();
        }
    }

    @Test
    void constraint_data_and_syntax_errors_do_not_mean_the_database_is_unavailable() {
        for (String state : new String[] {"23505", "23503", "23514", "22001", "22P02", "22021", "42601", "40001", "P0001"}) {
            assertThat(DatabaseFaults.unavailable(new SQLException("the row is wrong", state))).as(state).isFalse();
        }
        assertThat(DatabaseFaults.unavailable(new SQLException("no state"))).isFalse();
        assertThat(DatabaseFaults.unavailable(new IllegalStateException("a bug"))).isFalse();
    }

    @Test
    void the_pools_acquisition_timeout_means_the_database_is_unavailable_and_says_so_without_its_message() {
        SQLException timeout = new SQLException("Acquisition timeout while waiting for new connection", (String) null);

        assertThat(DatabaseFaults.unavailable(timeout)).isTrue();
        assertThat(DatabaseFaults.reason(timeout)).contains("pool timeout");
    }

    @Test
    void the_state_is_found_however_deep_the_frameworks_wrap_it() {
        SQLException refused = new SQLException("Connection refused", "08001", new java.net.ConnectException("refused"));
        Throwable wrapped = new RuntimeException(new PersistenceException("could not execute", refused));
        SQLException batch = new SQLException("Batch entry 0 failed");
        batch.setNextException(new SQLException("could not extend file", "53100"));
        Throwable suppressedOnly = new IllegalStateException("rollback failed");
        suppressedOnly.addSuppressed(new SQLTransientConnectionException("I/O error", "08006", new SocketTimeoutException()));

        assertThat(DatabaseFaults.reason(wrapped)).contains("SQLState 08001");
        assertThat(DatabaseFaults.reason(new PersistenceException(batch))).contains("SQLState 53100");
        assertThat(DatabaseFaults.reason(suppressedOnly)).contains("SQLState 08006");
    }

    @Test
    void a_cause_chain_that_loops_ends() {
        SQLException a = new SQLException("a", "23505");
        SQLException b = new SQLException("b", "23505", a);
        a.setNextException(b);

        assertThat(DatabaseFaults.unavailable(b)).isFalse();
    }
}
