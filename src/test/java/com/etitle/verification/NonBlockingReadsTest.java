package com.etitle.verification;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import io.vertx.pgclient.PgConnectOptions;
import io.vertx.pgclient.SslMode;

/**
 * The event-loop client connects where the JDBC data source does, or not at all: a URL it cannot follow exactly
 * leaves verification by code on JDBC rather than on a connection the operator did not configure.
 */
class NonBlockingReadsTest {

    @Test
    void takes_host_port_database_and_the_timeouts_from_the_jdbc_url() {
        PgConnectOptions o = NonBlockingReads.connectOptions("jdbc:postgresql://db.internal:6543/etitle?ApplicationName=x").orElseThrow();
        assertThat(o.getHost()).isEqualTo("db.internal");
        assertThat(o.getPort()).isEqualTo(6543);
        assertThat(o.getDatabase()).isEqualTo("etitle");
        assertThat(o.getConnectTimeout()).isEqualTo(2000);
        assertThat(o.getProperties()).containsEntry("statement_timeout", "2500");
        assertThat(o.getCachePreparedStatements()).isTrue();
        // libpq's and the JDBC driver's default: TLS when the server offers it
        assertThat(o.getSslMode()).isEqualTo(SslMode.PREFER);
    }

    @Test
    void the_default_port_is_postgresqls() {
        assertThat(NonBlockingReads.connectOptions("jdbc:postgresql://localhost/etitle").orElseThrow().getPort()).isEqualTo(5432);
    }

    @Test
    void follows_sslmode_where_no_server_verification_is_asked_for() {
        assertThat(NonBlockingReads.connectOptions("jdbc:postgresql://h/d?sslmode=disable").orElseThrow().getSslMode())
                .isEqualTo(SslMode.DISABLE);
        PgConnectOptions required = NonBlockingReads.connectOptions("jdbc:postgresql://h/d?sslmode=require").orElseThrow();
        assertThat(required.getSslMode()).isEqualTo(SslMode.REQUIRE);
        assertThat(required.isTrustAll()).isTrue();
    }

    @Test
    void stays_off_for_what_only_the_jdbc_driver_is_configured_for() {
        assertThat(NonBlockingReads.connectOptions("jdbc:postgresql://h/d?sslmode=verify-full")).isEmpty();
        assertThat(NonBlockingReads.connectOptions("jdbc:postgresql://h/d?sslmode=verify-ca")).isEmpty();
        assertThat(NonBlockingReads.connectOptions("jdbc:postgresql://primary:5432,standby:5432/d")).isEmpty();
        assertThat(NonBlockingReads.connectOptions("jdbc:postgresql://h/")).isEmpty();
        assertThat(NonBlockingReads.connectOptions("jdbc:mysql://h/d")).isEmpty();
    }
}
