package com.etitle.verification;

import java.net.URI;
import java.net.URISyntaxException;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;
import io.vertx.pgclient.PgBuilder;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.pgclient.PgException;
import io.vertx.pgclient.SslMode;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.PoolOptions;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.Tuple;

/**
 * A small pool of connections to the service's own database, driven by the event loop: a verification by number +
 * name + code reads its one row through it and answers without handing the request to a worker thread and back,
 * which on a small machine costs more than the read itself. It connects with what the JDBC data source is given
 * (URL, user, password), so there is nothing more to configure; the same timeouts hold (connect 2 s, statement
 * 2.5 s, an answer within 3 s), and any failure is a {@link SQLException} with the SQLState that says why, which
 * answers 503 like the JDBC path. A URL it cannot take over (several hosts, or TLS that verifies the server, which
 * would need the JDBC driver's trust settings) leaves it off, as {@code etitle.verification.non-blocking-reads=false}
 * does: verifications then read through JDBC on a worker thread, as before.
 */
@Singleton
public class NonBlockingReads {

    private static final Logger LOG = Logger.getLogger(NonBlockingReads.class);
    /** Like the JDBC driver's socket timeout: a database that does not answer is unavailable. */
    static final Duration ANSWER_WITHIN = Duration.ofSeconds(3);

    private final Pool pool;

    NonBlockingReads(Vertx vertx,
            @ConfigProperty(name = "etitle.verification.non-blocking-reads", defaultValue = "true") boolean enabled,
            @ConfigProperty(name = "etitle.verification.non-blocking-pool-size", defaultValue = "8") int size,
            @ConfigProperty(name = "quarkus.datasource.jdbc.url") Optional<String> url,
            @ConfigProperty(name = "quarkus.datasource.username") Optional<String> user,
            @ConfigProperty(name = "quarkus.datasource.password") Optional<String> password) {
        Optional<PgConnectOptions> options = enabled ? url.flatMap(NonBlockingReads::connectOptions) : Optional.empty();
        if (enabled && options.isEmpty()) {
            LOG.info("Verifications by code read through JDBC on worker threads: the database URL names several hosts or"
                    + " asks for a verified TLS connection, which only the JDBC driver is configured for");
        }
        this.pool = options.map(o -> {
            user.ifPresent(o::setUser);
            password.ifPresent(o::setPassword);
            return PgBuilder.pool()
                    .with(new PoolOptions().setMaxSize(size).setConnectionTimeout(3).setConnectionTimeoutUnit(TimeUnit.SECONDS)
                            .setName("etitle-verification-reads"))
                    .connectingTo(o)
                    .using(vertx)
                    .build();
        }).orElse(null);
    }

    boolean enabled() {
        return pool != null;
    }

    /**
     * Runs one prepared statement (numbered parameters, {@code $1}…); its rows arrive on the caller's event loop. Fails
     * with a {@link SQLException} carrying the server's SQLState, or 08006 when the connection failed or nothing came
     * back within {@link #ANSWER_WITHIN}.
     */
    Uni<RowSet<Row>> query(String sql, Tuple parameters) {
        return Uni.createFrom().completionStage(() -> pool.preparedQuery(sql).execute(parameters).toCompletionStage())
                .ifNoItem().after(ANSWER_WITHIN).failWith(() -> new SQLException("the database did not answer in time", "08006"))
                .onFailure(f -> !(f instanceof SQLException)).transform(NonBlockingReads::asSqlException);
    }

    private static SQLException asSqlException(Throwable failure) {
        String state = failure instanceof PgException pg && pg.getSqlState() != null ? pg.getSqlState() : "08006";
        return new SQLException("the register could not be read", state, failure);
    }

    /**
     * The JDBC URL as the event-loop client's options: one host, its port and database, and TLS only when it is asked
     * for without verification ({@code sslmode} allow, prefer or require, as libpq means them).
     */
    static Optional<PgConnectOptions> connectOptions(String jdbcUrl) {
        if (!jdbcUrl.startsWith("jdbc:postgresql://")) {
            return Optional.empty();
        }
        URI uri;
        try {
            uri = new URI(jdbcUrl.substring("jdbc:".length()));
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
        if (uri.getHost() == null || uri.getPath() == null || uri.getPath().length() < 2) {
            // several hosts, or no database named
            return Optional.empty();
        }
        Map<String, String> query = new java.util.HashMap<>();
        if (uri.getRawQuery() != null) {
            for (String pair : uri.getRawQuery().split("&")) {
                int eq = pair.indexOf('=');
                if (eq > 0) {
                    query.put(pair.substring(0, eq), java.net.URLDecoder.decode(pair.substring(eq + 1), java.nio.charset.StandardCharsets.UTF_8));
                }
            }
        }
        SslMode ssl;
        switch (query.getOrDefault("sslmode", "prefer")) {
            case "disable" -> ssl = SslMode.DISABLE;
            case "allow" -> ssl = SslMode.ALLOW;
            case "prefer" -> ssl = SslMode.PREFER;
            case "require" -> ssl = SslMode.REQUIRE;
            default -> {
                return Optional.empty();
            }
        }
        PgConnectOptions options = new PgConnectOptions()
                .setHost(uri.getHost())
                .setPort(uri.getPort() > 0 ? uri.getPort() : 5432)
                .setDatabase(uri.getPath().substring(1))
                .setSslMode(ssl)
                .setCachePreparedStatements(true)
                .setConnectTimeout(2000)
                .addProperty("statement_timeout", "2500")
                .addProperty("application_name", "etitle-verification-reads")
                // its series on /q/metrics: sql_client_* with clientName="etitle-verification-reads", beside the pool's sql_pool_*
                .setMetricsName("sql.client|etitle-verification-reads");
        if (ssl != SslMode.DISABLE) {
            // libpq's require encrypts without verifying the server; verify-ca and verify-full stay with JDBC
            options.setTrustAll(true);
        }
        return Optional.of(options);
    }

    @PreDestroy
    void close() {
        if (pool != null) {
            pool.close();
        }
    }
}
