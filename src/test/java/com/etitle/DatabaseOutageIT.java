package com.etitle;

import static com.etitle.support.RunnerJar.field;
import static com.etitle.support.RunnerJar.freePort;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.etitle.support.JarOnPostgres;
import com.etitle.support.JarOnPostgres.Replica;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * The packaged jar against a PostgreSQL this test stops, starts, freezes (SIGSTOP) and thaws on the same port and
 * folder, under a light mixed load of issuances and verifications. What a client sees is counted: never a 500,
 * 503 database-unavailable with Retry-After within about three seconds while the database is away, readiness DOWN
 * and liveness UP meanwhile, recovery without a restart, and every certificate answered 201 in the database.
 */
class DatabaseOutageIT {

    private static final String AUTHORITY = "OUTAGE";
    /** socketTimeout (3 s) and the pool's acquisition timeout (3 s), plus the slack of a loaded two-core machine. */
    private static final long ANSWER_LIMIT_MS = 4_000;
    private static final Duration OUTAGE = Duration.ofSeconds(5);
    private static final Duration RECOVERY_LIMIT = Duration.ofSeconds(20);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final ConcurrentLinkedQueue<Answer> answers = new ConcurrentLinkedQueue<>();
    private final AtomicReference<String> phase = new AtomicReference<>("before");
    private volatile boolean loading = true;
    private EmbeddedPostgres postgres;
    private Replica service;
    private ExecutorService load;

    @TempDir
    Path work;

    record Answer(String phase, String operation, int status, long millis, String contentType, String retryAfter, String body) {
    }

    @AfterEach
    void stopAll() throws Exception {
        loading = false;
        if (load != null) {
            load.shutdownNow();
        }
        if (postgres != null) {
            signalPostgres("CONT");
        }
        if (service != null) {
            service.stop();
        }
        if (postgres != null) {
            postgres.close();
        }
    }

    @Test
    void a_stopped_or_frozen_database_answers_503_quickly_and_the_service_recovers_by_itself_losing_nothing() throws Exception {
        int pgPort = freePort();
        Path cluster = work.resolve("postgres");
        startPostgres(cluster, pgPort);
        String token = JarOnPostgres.devToken(work, "issuer", AUTHORITY);
        service = JarOnPostgres.start(work, pgPort, AUTHORITY, "故障演练省人力资源和社会保障厅", "故障演练省", work.resolve("service.log"));
        String base = service.base();

        HttpResponse<String> first = send(issue(base, token));
        assertThat(first.statusCode()).as(first.body()).isEqualTo(201);
        String verifyBody = "{\"certificateNumber\":\"" + field(first.body(), "number") + "\",\"holderName\":\"赵六\",\"verificationCode\":\""
                + field(first.body(), "verificationCode") + "\"}";
        assertThat(health(base, "ready")).isEqualTo(200);

        load = Executors.newFixedThreadPool(4);
        for (int i = 0; i < 2; i++) {
            load.submit(() -> loop("issue", () -> issue(base, token)));
            load.submit(() -> loop("verify", () -> verify(base, verifyBody)));
        }
        Thread.sleep(2_000);

        phase.set("stopped");
        postgres.close();
        Thread.sleep(OUTAGE.toMillis() / 2);
        Answer readyWhileStopped = timedHealth(base, "ready");
        Answer liveWhileStopped = timedHealth(base, "live");
        Thread.sleep(OUTAGE.toMillis() / 2);
        phase.set("restarted");
        startPostgres(cluster, pgPort);
        long recoveredAfterStop = millisUntilIssued("restarted");

        phase.set("frozen");
        signalPostgres("STOP");
        Thread.sleep(OUTAGE.toMillis() / 2);
        Answer readyWhileFrozen = timedHealth(base, "ready");
        Answer liveWhileFrozen = timedHealth(base, "live");
        Thread.sleep(OUTAGE.toMillis() / 2);
        phase.set("thawed");
        signalPostgres("CONT");
        long recoveredAfterFreeze = millisUntilIssued("thawed");
        Thread.sleep(2_000);
        loading = false;
        load.shutdown();
        assertThat(load.awaitTermination(30, TimeUnit.SECONDS)).isTrue();

        List<Answer> all = List.copyOf(answers);
        System.out.printf("database outage: %s; recovered %d ms after the restart and %d ms after the thaw; slowest 503 %d ms;"
                + " readiness answered in %d ms (stopped) and %d ms (frozen)%n", tally(all), recoveredAfterStop, recoveredAfterFreeze,
                all.stream().filter(a -> a.status() == 503).mapToLong(Answer::millis).max().orElse(0),
                readyWhileStopped.millis(), readyWhileFrozen.millis());

        assertThat(all).as("no 500 or other unexpected answer, and none hung").allSatisfy(a ->
                assertThat(a.status()).as("%s", a).isIn(200, 201, 503));
        assertThat(all).as("every answer in time").allSatisfy(a -> assertThat(a.millis()).as("%s", a).isLessThan(ANSWER_LIMIT_MS));
        List<Answer> unavailable = all.stream().filter(a -> a.status() == 503).toList();
        assertThat(unavailable).as("503s while the database was stopped").anyMatch(a -> a.phase().equals("stopped"));
        assertThat(unavailable).as("503s while the database was frozen").anyMatch(a -> a.phase().equals("frozen"));
        assertThat(unavailable).allSatisfy(a -> {
            assertThat(a.contentType()).startsWith("application/problem+json");
            assertThat(a.body()).contains("\"type\":\"/problems/database-unavailable\"");
            assertThat(a.retryAfter()).as("Retry-After of %s", a).isNotNull().matches("\\d+");
        });
        assertThat(all).as("certificates issued before, between and after the outages")
                .anyMatch(a -> a.status() == 201 && a.phase().equals("before"))
                .anyMatch(a -> a.status() == 201 && a.phase().equals("restarted"))
                .anyMatch(a -> a.status() == 201 && a.phase().equals("thawed"));

        assertThat(readyWhileStopped.status()).as("readiness while stopped").isEqualTo(503);
        assertThat(readyWhileFrozen.status()).as("readiness while frozen").isEqualTo(503);
        assertThat(readyWhileStopped.millis()).isLessThan(ANSWER_LIMIT_MS);
        assertThat(readyWhileFrozen.millis()).isLessThan(ANSWER_LIMIT_MS);
        assertThat(liveWhileStopped.status()).as("liveness while stopped").isEqualTo(200);
        assertThat(liveWhileFrozen.status()).as("liveness while frozen").isEqualTo(200);
        assertThat(health(base, "ready")).as("readiness after recovery").isEqualTo(200);
        assertThat(health(base, "live")).isEqualTo(200);

        List<String> issued = Stream.concat(Stream.of(first.body()), all.stream().filter(a -> a.status() == 201).map(Answer::body))
                .map(body -> field(body, "number")).toList();
        assertThat(storedOf(pgPort, issued)).as("every certificate answered 201 is in the database").isEqualTo(issued.size());
    }

    /** One client: requests back to back until the test ends, each answer recorded with the phase it started in. */
    private void loop(String operation, RequestMaker maker) {
        while (loading) {
            String startedIn = phase.get();
            long start = System.nanoTime();
            try {
                HttpResponse<String> response = send(maker.make());
                answers.add(new Answer(startedIn, operation, response.statusCode(), (System.nanoTime() - start) / 1_000_000,
                        response.headers().firstValue("Content-Type").orElse(""), response.headers().firstValue("Retry-After").orElse(null),
                        response.body()));
            } catch (IOException | InterruptedException e) {
                answers.add(new Answer(startedIn, operation, -1, (System.nanoTime() - start) / 1_000_000, "", null, e.toString()));
            }
        }
    }

    @FunctionalInterface
    interface RequestMaker {
        HttpRequest make();
    }

    /** Waits until a certificate is issued again in this phase; the time that took. */
    private long millisUntilIssued(String inPhase) throws InterruptedException {
        long start = System.nanoTime();
        while (System.nanoTime() - start < RECOVERY_LIMIT.toNanos()) {
            if (answers.stream().anyMatch(a -> a.status() == 201 && a.phase().equals(inPhase))) {
                return (System.nanoTime() - start) / 1_000_000;
            }
            Thread.sleep(20);
        }
        throw new AssertionError("no certificate issued within " + RECOVERY_LIMIT + " after the database came back: " + tally(List.copyOf(answers)));
    }

    private static String tally(List<Answer> all) {
        Map<String, Long> counts = all.stream().collect(Collectors.groupingBy(a -> a.phase() + " " + a.operation() + " " + a.status(),
                TreeMap::new, Collectors.counting()));
        return counts.toString();
    }

    private HttpRequest issue(String base, String token) {
        return HttpRequest.newBuilder(URI.create(base + "/api/v1/certificates")).timeout(Duration.ofSeconds(20))
                .header("Content-Type", "application/json").header("Authorization", "Bearer " + token)
                .POST(HttpRequest.BodyPublishers.ofString(ISSUE_BODY, StandardCharsets.UTF_8)).build();
    }

    private HttpRequest verify(String base, String body) {
        return HttpRequest.newBuilder(URI.create(base + "/api/v1/verifications")).timeout(Duration.ofSeconds(20))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build();
    }

    private HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
        return http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private int health(String base, String which) throws Exception {
        return timedHealth(base, which).status();
    }

    private Answer timedHealth(String base, String which) throws Exception {
        long start = System.nanoTime();
        HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(base + "/q/health/" + which)).timeout(Duration.ofSeconds(20)).GET().build());
        return new Answer(phase.get(), which, response.statusCode(), (System.nanoTime() - start) / 1_000_000, "", null, response.body());
    }

    private void startPostgres(Path cluster, int port) throws IOException {
        postgres = JarOnPostgres.startPostgres(cluster, port, work.resolve("postgres.log"));
    }

    /** SIGSTOP or SIGCONT to the postmaster and every backend: the whole server frozen, its sockets still open. */
    private void signalPostgres(String signal) throws Exception {
        Path pidFile = work.resolve("postgres").resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return;
        }
        long postmaster = Long.parseLong(Files.readAllLines(pidFile).get(0).trim());
        // the postmaster first: once it is stopped it forks no new backend, so the backends listed next are all there are
        // (listed before it stopped, a backend forked meanwhile for a new connection would go on serving)
        kill(signal, List.of(postmaster));
        kill(signal, ProcessHandle.of(postmaster).map(p -> p.descendants().map(ProcessHandle::pid).toList()).orElse(List.of()));
    }

    private static void kill(String signal, List<Long> pids) throws Exception {
        if (pids.isEmpty()) {
            return;
        }
        List<String> command = new ArrayList<>(List.of("kill", "-" + signal));
        pids.forEach(pid -> command.add(Long.toString(pid)));
        Process kill = new ProcessBuilder(command).redirectErrorStream(true).start();
        kill.getInputStream().readAllBytes();
        kill.waitFor();
    }

    private static long storedOf(int pgPort, List<String> numbers) throws Exception {
        try (Connection c = DriverManager.getConnection(JarOnPostgres.jdbcUrl(pgPort), "postgres", "postgres");
                PreparedStatement query = c.prepareStatement("SELECT count(*) FROM certificate WHERE number = ANY(?)")) {
            query.setArray(1, c.createArrayOf("text", numbers.toArray()));
            try (ResultSet rs = query.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private static final String ISSUE_BODY = """
            {"holderName":"赵六","holderIdNumber":"110105198003121238","workUnit":"示范省水利设计院","series":"工程",
             "specialty":"水利工程","level":"INTERMEDIATE","qualificationName":"工程师","effectiveScope":"PROVINCE_WIDE",
             "acquisitionRoute":"EXAM","promotionType":"NORMAL","approvalDocumentNumber":"示人社职〔2026〕3号",
             "qualificationDate":"2026-05-20"}""";
}
