package com.etitle.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import com.etitle.boot.DevIdentity;
import com.etitle.boot.EmbeddedDatabase;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * A real PostgreSQL (the same embedded binaries as the zero-setup run, without fsync for speed), a
 * temporary key folder, and a test identity provider whose public key the service trusts.
 */
@QuarkusTestResource(TestEnvironment.class)
public class TestEnvironment implements QuarkusTestResourceLifecycleManager {

    private static Path root;
    private static EmbeddedDatabase database;

    @Override
    public synchronized Map<String, String> start() {
        if (database == null) {
            try {
                root = Files.createTempDirectory("etitle-test");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            database = EmbeddedDatabase.start(root, false);
            database.stopAfter(() -> { });
        }
        DevIdentity identity = identity();
        return Map.of(
                "quarkus.datasource.jdbc.url", database.jdbcUrl(),
                "quarkus.datasource.username", "postgres",
                "quarkus.datasource.password", "postgres",
                "etitle.keys.dir", keysDir().toString(),
                "mp.jwt.verify.publickey.location", identity.publicKeyFile().toUri().toString(),
                "mp.jwt.verify.issuer", DevIdentity.ISSUER);
    }

    @Override
    public void stop() {
        // the database lives for the whole test JVM and stops at its exit
    }

    public static DevIdentity identity() {
        return DevIdentity.in(root.resolve("identity"));
    }

    public static Path keysDir() {
        return root.resolve("keys");
    }

    public static String jdbcUrl() {
        return database.jdbcUrl();
    }
}
