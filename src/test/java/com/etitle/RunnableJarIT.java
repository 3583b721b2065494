package com.etitle;

import static com.etitle.support.RunnerJar.classDataArchive;
import static com.etitle.support.RunnerJar.field;
import static com.etitle.support.RunnerJar.freePort;
import static com.etitle.support.RunnerJar.javaBin;
import static com.etitle.support.RunnerJar.runnerJar;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.etitle.support.JsonLog;

/**
 * The README's run command, for real: the packaged jar started as a process on a bare folder. It must
 * start its own durable PostgreSQL, seed the demo, print a curl that works, log text lines, mint dev tokens, keep its
 * data across a restart, and, given a database URL, use that database, log JSON lines and stop trusting dev tokens.
 */
class RunnableJarIT {

    private static final Pattern CURL = Pattern.compile("curl -s -X POST (\\S+)/api/v1/verifications .* -d '(\\{.*\\})'");
    private static final Duration START_TIMEOUT = Duration.ofSeconds(180);
    /** The start of a line of the text log format: its time stamp. */
    private static final String TEXT_LINE = "\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d,\\d{3} ";

    private final HttpClient http = HttpClient.newHttpClient();
    private final List<Process> processes = new ArrayList<>();

    @TempDir
    Path work;

    @AfterEach
    void stopAll() throws InterruptedException {
        for (Process p : processes) {
            p.destroy();
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                p.destroyForcibly();
            }
        }
    }

    @Test
    void the_jar_runs_on_a_bare_folder_persists_its_data_and_trusts_dev_tokens_only_on_its_embedded_database() throws Exception {
        Path data = work.resolve("data");

        Service first = start(work, Map.of());
        assertThat(Files.readString(Path.of("/proc/" + first.process().pid() + "/maps")))
                .as("the class-data archive fits the jar and this JVM, so the start maps it").contains(classDataArchive());
        String demoBody = first.curlBody();
        assertThat(post(first.base() + "/api/v1/verifications", demoBody, null).body()).contains("\"result\":\"VALID\"");
        assertThat(get(first.base() + "/q/swagger-ui/").statusCode()).as("Swagger UI in the run mode").isEqualTo(200);
        assertThat(setting(data, "fsync")).isEqualTo("on");
        assertThat(setting(data, "synchronous_commit")).isEqualTo("on");
        assertThat(setting(data, "full_page_writes")).isEqualTo("on");

        String token = devToken(work, "--role", "issuer", "--authority", "DEMO");
        HttpResponse<String> issued = post(first.base() + "/api/v1/certificates", ISSUE_BODY, token);
        assertThat(issued.statusCode()).isEqualTo(201);
        String number = field(issued.body(), "number");
        String code = field(issued.body(), "verificationCode");
        assertThat(devTokenExitCode(work, "--role", "wizard")).isEqualTo(2);
        // a person reads this run's log: text lines, each with the id of the request it was written in ([] outside one)
        HttpResponse<String> auditCheck = post(first.base() + "/api/v1/audit-checks", "", token);
        assertThat(auditCheck.statusCode()).isEqualTo(200);
        String requestId = auditCheck.headers().firstValue("X-Request-Id").orElseThrow();
        assertThat(first.output().lines()).as("JSON lines in the zero-setup run").noneMatch(line -> line.startsWith("{"));
        assertThat(first.output()).containsPattern("(?m)^" + TEXT_LINE + "INFO  \\[io\\.quarkus\\] \\(main\\) \\[\\] .*Listening on: http://")
                .containsPattern("(?m)^" + TEXT_LINE + "INFO  \\[com\\.etitle\\.audit\\.AuditChecker\\] \\([^)]+\\) \\["
                        + requestId + "\\] Audit chain intact");

        stop(first);
        Service second = start(work, Map.of());
        assertThat(second.curlBody()).as("the demo seed is idempotent").isEqualTo(demoBody);
        String byCode = "{\"certificateNumber\":\"" + number + "\",\"holderName\":\"赵六\",\"verificationCode\":\"" + code + "\"}";
        assertThat(post(second.base() + "/api/v1/verifications", byCode, null).body()).contains("\"result\":\"VALID\"");

        String url = "jdbc:postgresql://localhost:" + postgresPort(data) + "/postgres";
        Path elsewhere = Files.createDirectories(work.resolve("production"));
        Service production = start(elsewhere, Map.of("QUARKUS_DATASOURCE_JDBC_URL", url, "QUARKUS_DATASOURCE_USERNAME", "postgres",
                "QUARKUS_DATASOURCE_PASSWORD", "postgres", "ETITLE_KEYS_DIR", elsewhere.resolve("keys").toString()));
        assertThat(production.output()).doesNotContain("curl -s -X POST");
        assertThat(Files.exists(elsewhere.resolve("data"))).as("no embedded database when a URL is given").isFalse();
        assertThat(post(production.base() + "/api/v1/verifications", byCode, null).body()).contains("\"result\":\"VALID\"");
        assertThat(post(production.base() + "/api/v1/certificates", ISSUE_BODY, token).statusCode()).isEqualTo(401);
        assertThat(JsonLog.parse(production.output())).as("with a database URL, the log is JSON lines").isNotEmpty();
    }

    @Test
    void a_status_change_on_one_replica_is_seen_by_another_within_a_second() throws Exception {
        Path data = work.resolve("data");
        Service first = start(work, Map.of());
        first.curlBody();
        // the second replica shares the database and the mounted keys, and trusts the same identity provider
        Path other = Files.createDirectories(work.resolve("replica"));
        Service second = start(other, Map.of(
                "QUARKUS_DATASOURCE_JDBC_URL", "jdbc:postgresql://localhost:" + postgresPort(data) + "/postgres",
                "QUARKUS_DATASOURCE_USERNAME", "postgres", "QUARKUS_DATASOURCE_PASSWORD", "postgres",
                "ETITLE_KEYS_DIR", data.resolve("keys").toString(),
                "MP_JWT_VERIFY_PUBLICKEY_LOCATION", data.resolve("dev-identity").resolve("public.pem").toUri().toString(),
                "ETITLE_JWT_ISSUER", "urn:etitle:dev-identity"));
        String token = devToken(work, "--role", "issuer", "--authority", "DEMO");
        HttpResponse<String> issued = post(first.base() + "/api/v1/certificates", ISSUE_BODY, token);
        assertThat(issued.statusCode()).isEqualTo(201);
        String number = field(issued.body(), "number");
        String byCode = "{\"certificateNumber\":\"" + number + "\",\"holderName\":\"赵六\",\"verificationCode\":\""
                + field(issued.body(), "verificationCode") + "\"}";
        // both replicas have answered once, so what is timed below is visibility, not a cold first request
        assertThat(result(second, byCode)).isEqualTo("VALID");
        assertThat(result(first, byCode)).isEqualTo("VALID");

        assertThat(post(second.base() + "/api/v1/certificates/" + number + "/suspension", "{}", token).statusCode()).isEqualTo(200);
        long seenAfter = millisUntil(first, byCode, "CERTIFICATE_NOT_VALID");
        assertThat(delete(first.base() + "/api/v1/certificates/" + number + "/suspension", token).statusCode()).isEqualTo(200);
        long backAfter = millisUntil(second, byCode, "VALID");
        System.out.printf("status change seen by the other replica after %d ms (suspend) and %d ms (reinstate)%n", seenAfter, backAfter);
        assertThat(seenAfter).isLessThan(1000);
        assertThat(backAfter).isLessThan(1000);
    }

    @Test
    void a_batch_killed_with_sigkill_in_the_middle_leaves_nothing_and_its_retry_issues_each_entry_exactly_once() throws Exception {
        Path data = work.resolve("data");
        Service first = start(work, Map.of());
        String url = "jdbc:postgresql://localhost:" + postgresPort(data) + "/postgres";
        long document = com.etitle.support.Registers.document(url, "DEMO", 10_000);
        String token = devToken(work, "--role", "issuer", "--authority", "DEMO");
        String body = "{\"documentId\":" + document + "}";
        http.sendAsync(HttpRequest.newBuilder(URI.create(first.base() + "/api/v1/certificate-batches"))
                .header("Content-Type", "application/json").header("Authorization", "Bearer " + token).header("Idempotency-Key", "kill-me")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        long deadline = System.currentTimeMillis() + 60_000;
        while (count(url, "SELECT coalesce(max(issued), 0) FROM certificate_batch WHERE idem_key = 'kill-me'") < 1000) {
            assertThat(System.currentTimeMillis()).as("the batch reports progress").isLessThan(deadline);
            Thread.sleep(5);
        }

        first.process().destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        processes.remove(first.process());
        assertThat(count(url, certificatesOf(document))).as("no certificate of the killed batch").isZero();

        Service second = start(work, Map.of());
        String newUrl = "jdbc:postgresql://localhost:" + postgresPort(data) + "/postgres";
        assertThat(count(newUrl, certificatesOf(document))).isZero();
        HttpResponse<String> retried = http.send(HttpRequest.newBuilder(URI.create(second.base() + "/api/v1/certificate-batches"))
                .header("Content-Type", "application/json").header("Authorization", "Bearer " + token).header("Idempotency-Key", "kill-me")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(retried.statusCode()).as(retried.body()).isEqualTo(201);
        assertThat(retried.body()).contains("\"status\":\"COMPLETED\"", "\"issued\":10000");
        assertThat(count(newUrl, certificatesOf(document))).isEqualTo(10_000);
        assertThat(count(newUrl, "SELECT count(DISTINCT c.document_entry_id) FROM certificate c JOIN qualification_document_entry e"
                + " ON e.id = c.document_entry_id WHERE e.document_id = " + document)).isEqualTo(10_000);
    }

    @Test
    void verifications_answered_before_a_clean_shutdown_are_all_in_the_holders_log_after_a_restart() throws Exception {
        // a minute between batch writes: every event is still queued in memory when SIGTERM arrives
        Map<String, String> slowWriter = Map.of("ETITLE_VERIFICATION_LOG_FLUSH_EVERY", "PT60S");
        Service first = start(work, slowWriter);
        String demoBody = first.curlBody();
        int verifications = 300;
        for (int i = 0; i < verifications; i++) {
            assertThat(post(first.base() + "/api/v1/verifications", demoBody, null).statusCode()).isEqualTo(200);
        }
        stop(first);

        Service second = start(work, slowWriter);
        String holder = devToken(work, "--role", "holder", "--demo-holder", "1");
        HttpResponse<String> mine = getWithToken(second.base() + "/api/v1/me/certificates", holder);
        assertThat(mine.statusCode()).isEqualTo(200);
        String number = field(demoBody, "certificateNumber");
        assertThat(mine.body()).as("the dev holder token opens the demo holder's certificates").contains("\"number\":\"" + number + "\"");
        HttpResponse<String> log = getWithToken(second.base() + "/api/v1/me/certificates/" + number + "/verification-log?size=1", holder);
        assertThat(log.statusCode()).isEqualTo(200);
        assertThat(log.body()).as("nothing lost on a clean shutdown").contains("\"total\":" + verifications + "}");
        assertThat(devTokenExitCode(work, "--role", "holder")).as("a holder token needs a person").isEqualTo(2);
    }

    private HttpResponse<String> getWithToken(String url, String token) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token).GET().build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private static String certificatesOf(long document) {
        return "SELECT count(*) FROM certificate c JOIN qualification_document_entry e ON e.id = c.document_entry_id WHERE e.document_id = "
                + document;
    }

    private static long count(String url, String sql) throws Exception {
        try (Connection c = DriverManager.getConnection(url, "postgres", "postgres"); ResultSet rs = c.createStatement().executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** Polls verification on a replica until it answers the expected result; the time it took, or fails after 5 s. */
    private long millisUntil(Service service, String body, String expected) throws Exception {
        long start = System.nanoTime();
        while (System.nanoTime() - start < 5_000_000_000L) {
            if (expected.equals(result(service, body))) {
                return (System.nanoTime() - start) / 1_000_000;
            }
            Thread.sleep(10);
        }
        throw new AssertionError(service.base() + " never answered " + expected);
    }

    private String result(Service service, String body) throws Exception {
        return field(post(service.base() + "/api/v1/verifications", body, null).body(), "result");
    }

    private HttpResponse<String> delete(String url, String token) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token).DELETE().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static final String ISSUE_BODY = """
            {"holderName":"赵六","holderIdNumber":"110105198003121238","workUnit":"示范省水利设计院","series":"工程",
             "specialty":"水利工程","level":"INTERMEDIATE","qualificationName":"工程师","effectiveScope":"PROVINCE_WIDE",
             "acquisitionRoute":"EXAM","promotionType":"NORMAL","approvalDocumentNumber":"示人社职〔2026〕3号",
             "qualificationDate":"2026-05-20"}""";

    record Service(Process process, int port, StringBuilder log) {
        String base() {
            return "http://localhost:" + port;
        }

        String output() {
            synchronized (log) {
                return log.toString();
            }
        }

        String curlBody() {
            Matcher m = CURL.matcher(output());
            assertThat(m.find()).as("the start-up output prints a verification curl").isTrue();
            assertThat(m.group(1)).isEqualTo(base());
            return m.group(2);
        }
    }

    private Service start(Path dir, Map<String, String> env) throws Exception {
        int port = freePort();
        ProcessBuilder builder = new ProcessBuilder(javaBin(), "-XX:SharedArchiveFile=" + classDataArchive(), "-Dquarkus.http.port=" + port,
                "-jar", runnerJar())
                .directory(dir.toFile()).redirectErrorStream(true);
        builder.environment().keySet().removeIf(k -> k.startsWith("QUARKUS_") || k.startsWith("ETITLE_"));
        builder.environment().putAll(env);
        Process process = builder.start();
        processes.add(process);
        StringBuilder log = new StringBuilder();
        LinkedBlockingQueue<String> lines = new LinkedBlockingQueue<>();
        CompletableFuture.runAsync(() -> {
            try (BufferedReader reader = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = reader.readLine()) != null) {
                    synchronized (log) {
                        log.append(line).append('\n');
                    }
                    lines.add(line);
                }
            } catch (IOException e) {
                // the process ended
            }
        });
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            String line = lines.poll(1, TimeUnit.SECONDS);
            if (line != null && line.contains("Listening on")) {
                return new Service(process, port, log);
            }
            if (!process.isAlive()) {
                break;
            }
        }
        throw new AssertionError("the service did not start:\n" + log);
    }

    private void stop(Service service) throws InterruptedException {
        service.process().destroy();
        assertThat(service.process().waitFor(60, TimeUnit.SECONDS)).as("stops on SIGTERM").isTrue();
        processes.remove(service.process());
    }

    private String devToken(Path dir, String... args) throws Exception {
        Process p = devTokenProcess(dir, args);
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        assertThat(p.waitFor()).as("dev-token exit code; output: %s", out).isZero();
        return out;
    }

    private int devTokenExitCode(Path dir, String... args) throws Exception {
        Process p = devTokenProcess(dir, args);
        p.getInputStream().readAllBytes();
        return p.waitFor();
    }

    private Process devTokenProcess(Path dir, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(javaBin(), "-jar", runnerJar(), "dev-token"));
        command.addAll(List.of(args));
        return new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
    }

    private HttpResponse<String> post(String url, String json, String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private HttpResponse<String> get(String url) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String setting(Path data, String name) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:postgresql://localhost:" + postgresPort(data) + "/postgres", "postgres", "postgres");
                ResultSet rs = c.createStatement().executeQuery("SHOW " + name)) {
            rs.next();
            return rs.getString(1);
        }
    }

    /** The fourth line of postmaster.pid is the port the embedded server listens on. */
    private static int postgresPort(Path data) throws IOException {
        return Integer.parseInt(Files.readAllLines(data.resolve("postgres").resolve("postmaster.pid")).get(3).trim());
    }
}
