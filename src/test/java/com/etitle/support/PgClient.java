package com.etitle.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The PostgreSQL client tools an operator backs up and restores with (Debian's {@code postgresql-client}), run with the
 * options docs/operations.md ("Backups") gives, against a server on localhost as user {@code postgres}. Any exit but 0
 * fails the test with what the tool printed.
 */
public final class PgClient {

    private static final Duration LIMIT = Duration.ofMinutes(2);

    private final Path dir;

    /** Tools whose output goes to {@code dir}. */
    public PgClient(Path dir) {
        this.dir = dir;
    }

    /** Fails unless this pg_dump can dump the server on {@code port}: pg_dump refuses a server of a newer major than its own. */
    public void assertCanDump(int port) throws Exception {
        String version = run(List.of("pg_dump", "--version")).stdout();
        Matcher m = Pattern.compile("\\(PostgreSQL\\) (\\d+)").matcher(version);
        assertThat(m.find()).as("pg_dump --version: %s", version).isTrue();
        int server;
        try (Connection c = DriverManager.getConnection("jdbc:postgresql://localhost:" + port + "/postgres", "postgres", "postgres");
                ResultSet rs = c.createStatement().executeQuery("SHOW server_version_num")) {
            rs.next();
            server = rs.getInt(1) / 10_000;
        }
        assertThat(Integer.parseInt(m.group(1))).as("%s against PostgreSQL %d: install postgresql-client %d or later", version.trim(),
                server, server).isGreaterThanOrEqualTo(server);
    }

    /** {@code pg_dump --format=custom}: one consistent snapshot, taken while the service goes on writing. */
    public void dump(int port, String database, Path file) {
        run(List.of("pg_dump", "--host=localhost", "--port=" + port, "--username=postgres", "--dbname=" + database, "--format=custom",
                "--file=" + file));
    }

    public void createDatabase(int port, String database) {
        run(List.of("createdb", "--host=localhost", "--port=" + port, "--username=postgres", database));
    }

    /** {@code pg_restore} into an empty database, all or nothing, every object owned by the restoring user. */
    public void restore(int port, String database, Path file) {
        run(List.of("pg_restore", "--host=localhost", "--port=" + port, "--username=postgres", "--dbname=" + database, "--no-owner",
                "--no-privileges", "--exit-on-error", "--single-transaction", file.toString()));
    }

    private Commands.Result run(List<String> command) {
        Commands.Result result = Commands.run(dir, Map.of("PGPASSWORD", "postgres"), LIMIT, command);
        assertThat(result.exitCode()).as("%s:\n%s", String.join(" ", command), result.both()).isZero();
        return result;
    }
}
