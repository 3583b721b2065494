package com.etitle;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import com.etitle.boot.DataDir;
import com.etitle.boot.DevIdentity;
import com.etitle.boot.DevTokenCommand;
import com.etitle.boot.EmbeddedDatabase;
import com.etitle.common.SecretFiles;

import io.quarkus.runtime.Application;
import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.QuarkusApplication;
import io.quarkus.runtime.annotations.QuarkusMain;

/**
 * Entry point of the runnable jar. {@code dev-token …} mints a development token and exits without
 * starting the service. {@code train} starts the service once on a throw-away embedded database and stops as soon as
 * it has started: run with {@code -XX:ArchiveClassesAtExit}, it records the classes a start loads into a class-data
 * archive (AppCDS), with which later starts load them ready-made (docs/operations.md, "Start-up"). Otherwise, when no
 * database URL is configured, it starts the durable embedded PostgreSQL in the data folder and points the service at
 * it, logs text instead of JSON lines, and only then does the service trust the development identity key and seed the
 * demo authority.
 */
@QuarkusMain
public class Main {

    public static void main(String... args) {
        // Quarkus installs this itself, but the embedded database logs before Quarkus starts.
        System.setProperty("java.util.logging.manager", "org.jboss.logmanager.LogManager");
        if (args.length > 0 && args[0].equals("dev-token")) {
            System.exit(DevTokenCommand.run(Arrays.copyOfRange(args, 1, args.length), System.out, System.err));
        }
        if (args.length > 0 && args[0].equals("train")) {
            train();
            return;
        }
        if (EmbeddedDatabase.wanted(System.getenv())) {
            Path data = SecretFiles.ownerOnlyDir(DataDir.resolve());
            System.out.println("No database URL configured: starting the embedded PostgreSQL in " + data.resolve("postgres"));
            runOnEmbeddedDatabase(data, true);
        }
        Quarkus.run(args);
    }

    /**
     * The zero-setup run's start on a fresh folder (the cluster made, the schema migrated, keys made, the demo issued) in
     * a temporary folder removed afterwards, on a free port, then a clean stop; what it logs below WARN is not shown.
     */
    private static void train() {
        Path data;
        try {
            data = Files.createTempDirectory("etitle-training");
        } catch (IOException e) {
            throw new UncheckedIOException("no temporary folder for the training start", e);
        }
        System.setProperty("quarkus.http.port", "0");
        System.setProperty("quarkus.log.level", "WARN");
        try {
            AtomicInteger status = new AtomicInteger();
            try (EmbeddedDatabase database = runOnEmbeddedDatabase(SecretFiles.ownerOnlyDir(data), false)) {
                // returns once the service has started and stopped again
                Quarkus.run(StopOnceStarted.class, (code, failure) -> status.set(code));
            }
            if (status.get() != 0) {
                System.exit(status.get());
            }
        } finally {
            delete(data);
        }
    }

    private static void delete(Path folder) {
        try (Stream<Path> files = Files.walk(folder)) {
            files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        } catch (IOException e) {
            System.err.println("could not remove the training start's folder " + folder + ": " + e.getMessage());
        }
    }

    /** The application of a training start: nothing to do once started, so Quarkus stops at once. */
    public static class StopOnceStarted implements QuarkusApplication {

        @Override
        public int run(String... args) {
            return 0;
        }
    }

    private static EmbeddedDatabase runOnEmbeddedDatabase(Path data, boolean durable) {
        EmbeddedDatabase database = EmbeddedDatabase.start(data, durable);
        if (durable) {
            database.stopAfter(() -> {
                Application app = Application.currentApplication();
                if (app != null) {
                    app.awaitShutdown();
                }
            });
        }
        System.setProperty("quarkus.datasource.jdbc.url", database.jdbcUrl());
        System.setProperty("quarkus.datasource.username", "postgres");
        System.setProperty("quarkus.datasource.password", "postgres");
        System.setProperty("etitle.embedded", "true");
        // a person at a terminal reads this run's log: text lines, not the JSON lines production writes for a collector
        System.setProperty("quarkus.log.console.json.enabled", "false");
        System.setProperty("etitle.keys.dir", SecretFiles.ownerOnlyDir(data.resolve("keys")).toString());
        System.setProperty("etitle.keys.generate", "true");
        DevIdentity identity = DevIdentity.in(data.resolve("dev-identity"));
        System.setProperty("mp.jwt.verify.publickey.location", identity.publicKeyFile().toUri().toString());
        System.setProperty("mp.jwt.verify.issuer", DevIdentity.ISSUER);
        return database;
    }
}
