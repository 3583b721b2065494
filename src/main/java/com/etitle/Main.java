package com.etitle;

import java.nio.file.Path;
import java.util.Arrays;

import com.etitle.boot.DataDir;
import com.etitle.boot.DevIdentity;
import com.etitle.boot.DevTokenCommand;
import com.etitle.boot.EmbeddedDatabase;
import com.etitle.common.SecretFiles;

import io.quarkus.runtime.Application;
import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.annotations.QuarkusMain;

/**
 * Entry point of the runnable jar. {@code dev-token …} mints a development token and exits without
 * starting the service. Otherwise, when no database URL is configured, it starts the durable embedded
 * PostgreSQL in the data folder and points the service at it, logs text instead of JSON lines, and only then does
 * the service trust the development identity key and seed the demo authority.
 */
@QuarkusMain
public class Main {

    public static void main(String... args) {
        // Quarkus installs this itself, but the embedded database logs before Quarkus starts.
        System.setProperty("java.util.logging.manager", "org.jboss.logmanager.LogManager");
        if (args.length > 0 && args[0].equals("dev-token")) {
            System.exit(DevTokenCommand.run(Arrays.copyOfRange(args, 1, args.length), System.out, System.err));
        }
        if (EmbeddedDatabase.wanted(System.getenv())) {
            Path data = SecretFiles.ownerOnlyDir(DataDir.resolve());
            System.out.println("No database URL configured: starting the embedded PostgreSQL in " + data.resolve("postgres"));
            EmbeddedDatabase database = EmbeddedDatabase.start(data, true);
            database.stopAfter(() -> {
                Application app = Application.currentApplication();
                if (app != null) {
                    app.awaitShutdown();
                }
            });
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
        }
        Quarkus.run(args);
    }
}
