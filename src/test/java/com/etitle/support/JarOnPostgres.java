package com.etitle.support;

import static com.etitle.support.RunnerJar.freePort;
import static com.etitle.support.RunnerJar.javaBin;
import static com.etitle.support.RunnerJar.runnerJar;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import com.etitle.authority.CreditCodes;

/**
 * The packaged jar run as a production replica is: against a database URL, here a PostgreSQL the test starts itself
 * (so it can stop, freeze or reach into it), with mounted keys generated on the first start, one authority, and the
 * development identity that {@code dev-token} creates in the work folder trusted as the identity provider. Every
 * replica started in one folder shares its keys and identity, so any of them can sign for the authority and accept
 * the same bearer tokens.
 */
public final class JarOnPostgres {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(120);

    /** A running jar: its process, its HTTP port and the file its output goes to. */
    public record Replica(Process process, int port, Path log) {

        public String base() {
            return "http://localhost:" + port;
        }

        public String output() throws IOException {
            return Files.readString(log, StandardCharsets.UTF_8);
        }

        /** SIGTERM, then SIGKILL if it has not ended within 30 s. */
        public void stop() throws InterruptedException {
            process.destroy();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
    }

    private JarOnPostgres() {
    }

    /** A PostgreSQL on {@code port} whose data stay in {@code cluster} across restarts; without fsync, as tests need no durability. */
    public static EmbeddedPostgres startPostgres(Path cluster, int port, Path log) throws IOException {
        return EmbeddedPostgres.builder().setDataDirectory(cluster).setCleanDataDirectory(false).setPort(port)
                .setServerConfig("fsync", "off")
                .setOutputRedirector(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .setErrorRedirector(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .start();
    }

    public static String jdbcUrl(int pgPort) {
        return "jdbc:postgresql://localhost:" + pgPort + "/postgres";
    }

    /** A bearer token of the development identity in {@code work}, made on first use; replicas started here trust it. */
    public static String devToken(Path work, String role, String authority) throws Exception {
        Process p = new ProcessBuilder(javaBin(), "-jar", runnerJar(), "dev-token", "--role", role, "--authority", authority)
                .directory(work.toFile()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        assertThat(p.waitFor()).as(out).isZero();
        return out;
    }

    /**
     * Starts the jar in {@code work} on a free port against the database on {@code pgPort}, declaring the authority
     * {@code code}, with any further {@code -Dname=value} settings, and returns once it listens.
     */
    public static Replica start(Path work, int pgPort, String code, String authorityName, String region, Path log,
            String... systemProperties) throws Exception {
        return awaitListening(launch(work, pgPort, code, authorityName, region, log, systemProperties));
    }

    /**
     * The same without waiting, so that several replicas start at once, as a Deployment's pods do; then
     * {@link #awaitListening} each. Replicas sharing a folder share its key folder: whichever locks the authority first
     * generates its key there, and the others read that key.
     */
    public static Replica launch(Path work, int pgPort, String code, String authorityName, String region, Path log,
            String... systemProperties) throws IOException {
        int port = freePort();
        Path identity = work.resolve("data").resolve("dev-identity").resolve("public.pem");
        List<String> command = new ArrayList<>(List.of(javaBin(), "-Dquarkus.http.port=" + port,
                "-Detitle.authorities." + code + ".name=" + authorityName, "-Detitle.authorities." + code + ".region=" + region,
                // a made-up code (division 990000 is no region's) with its check character, as every code must have
                "-Detitle.authorities." + code + ".credit-code=" + CreditCodes.withCheckCharacter("11990000JAR000001"),
                "-Detitle.keys.generate=true", "-Dmp.jwt.verify.issuer=urn:etitle:dev-identity"));
        command.addAll(List.of(systemProperties));
        command.addAll(List.of("-jar", runnerJar()));
        ProcessBuilder builder = new ProcessBuilder(command).directory(work.toFile()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().keySet().removeIf(k -> k.startsWith("QUARKUS_") || k.startsWith("ETITLE_") || k.startsWith("MP_"));
        builder.environment().putAll(Map.of(
                "QUARKUS_DATASOURCE_JDBC_URL", jdbcUrl(pgPort),
                "QUARKUS_DATASOURCE_USERNAME", "postgres", "QUARKUS_DATASOURCE_PASSWORD", "postgres",
                "ETITLE_KEYS_DIR", Files.createDirectories(work.resolve("keys")).toString(),
                "MP_JWT_VERIFY_PUBLICKEY_LOCATION", identity.toUri().toString()));
        return new Replica(builder.start(), port, log);
    }

    /** Returns the replica once it listens; kills it and fails with its output if it ends or has not started in 120 s. */
    public static Replica awaitListening(Replica replica) throws IOException, InterruptedException {
        Path log = replica.log();
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline && replica.process().isAlive()) {
            if (Files.exists(log) && replica.output().contains("Listening on")) {
                return replica;
            }
            Thread.sleep(200);
        }
        replica.process().destroyForcibly();
        throw new AssertionError("the service did not start:\n" + (Files.exists(log) ? replica.output() : ""));
    }
}
