package com.etitle;

import static com.etitle.support.RunnerJar.freePort;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.DelayQueue;
import java.util.concurrent.Delayed;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.etitle.support.IdCards;
import com.etitle.support.JarOnPostgres;
import com.etitle.support.JarOnPostgres.Replica;
import com.etitle.support.LoadTally;
import com.etitle.support.Registers;
import com.etitle.support.StatusHistory;
import com.etitle.support.StatusHistory.Change;
import com.etitle.support.StatusHistory.Judgement;
import com.etitle.support.StatusHistory.Status;
import com.etitle.support.StatusHistory.Verdict;
import com.etitle.support.StatusHistory.Verification;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * Three replicas of the packaged jar, started at once on one PostgreSQL, under a minute of mixed load spread over all
 * three ({@code -Dreplicas.seconds=N} for another length): issuance (single certificates, now and then a batch),
 * revocations, suspensions and reinstatements, verification by token, credential and number + name + code, and
 * objections to an open publicity notice from many client addresses; halfway, one client address files objections on
 * all three replicas at once and another guesses verification codes on each in turn. Afterwards: no 5xx and no request
 * left unanswered; every certificate answered 201 is in the database with the status the last 200 set, every objection
 * answered 201 is there, and the audit record holds an entry for each write and is intact; every verification agrees
 * with the changes answered before it was sent (number + name + code, which reads the row, exactly; a token or a
 * credential, answered from memory, exactly on the replica that made the change and within 1.5 s on the others);
 * after a clean shutdown the verification log holds an event for every verification answered; each brake,
 * counted in PostgreSQL, let exactly its limit through in all, not three times it. The figures are printed.
 */
class ThreeReplicasIT {

    private static final String AUTHORITY = "THREE";
    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    private static final int REPLICAS = 3;
    private static final Duration LOAD = Duration.ofSeconds(Long.getLong("replicas.seconds", 60));
    private static final int ISSUERS = 2;
    private static final int CHANGERS = 2;
    private static final int VERIFIERS = 6;
    private static final int OBJECTORS = 1;
    /** Those, and one for the brakes (which files its objections from one thread per replica, for a moment). */
    private static final int CLIENTS = ISSUERS + CHANGERS + VERIFIERS + OBJECTORS + 1;
    /** Every this many requests, an issuing client asks for a batch instead of a single certificate. */
    private static final int BATCH_EVERY = 10;
    private static final int BATCH_SIZE = 5;
    private static final int BATCH_DOCUMENTS = 30;
    /** Small limits with periods of an hour, so the sharing shows and nothing refills during the run. */
    private static final int OBJECTIONS_PER_CLIENT = 6;
    private static final int GUESSES_PER_CLIENT = 9;
    /** What the objecting client sends each replica: over the limit on every one, so a per-replica count would let 3 × 6 through. */
    private static final int OBJECTIONS_PER_REPLICA = OBJECTIONS_PER_CLIENT + 4;
    private static final String OBJECTING_CLIENT = "198.51.100.77";
    private static final String GUESSING_CLIENT = "198.51.100.78";
    /** A change waits this long after the last, so verifications see each status for a while. */
    private static final Duration BETWEEN_CHANGES = Duration.ofMillis(300);
    /**
     * How long a replica that did not make a change may still answer the status before it: etitle.register-memory.max-silence
     * (1 s) and the slack of a loaded two-core machine, as in RegisterReplicasIT. The replica that made it must show it at once.
     */
    private static final Duration REFLECTED_WITHIN = Duration.ofMillis(1_500);

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5))
            .build();
    private final ObjectMapper mapper = new ObjectMapper();
    private final LoadTally tally = new LoadTally(REPLICAS);
    private final StatusHistory history = new StatusHistory();
    private final List<Issued> issued = Collections.synchronizedList(new ArrayList<>());
    /** The certificates changed last, which verifiers favour: there the replicas' agreement is tested hardest. */
    private final AtomicReferenceArray<Issued> recentlyChanged = new AtomicReferenceArray<>(64);
    private final AtomicLong changesMade = new AtomicLong();
    private final DelayQueue<Due> dueChanges = new DelayQueue<>();
    private final ConcurrentLinkedQueue<Long> documents = new ConcurrentLinkedQueue<>();
    private final Map<Long, Integer> batches = new ConcurrentHashMap<>();
    private final Set<String> receipts = ConcurrentHashMap.newKeySet();
    private final ConcurrentLinkedQueue<Verification> verifications = new ConcurrentLinkedQueue<>();
    /** Per certificate number: verifications answered 200 that named it, each of which its verification log must hold. */
    private final Map<String, AtomicInteger> namedIn = new ConcurrentHashMap<>();
    private final AtomicInteger objectingClients = new AtomicInteger();
    private final List<Replica> replicas = new ArrayList<>();
    private EmbeddedPostgres postgres;
    private ExecutorService load;
    private volatile long loadStarted;
    private volatile long loadEnds;
    private volatile boolean sampling = true;

    @TempDir
    Path work;

    /** A certificate answered 201, and the changes planned for it. */
    record Issued(String number, String holderName, String code, String token, JsonNode credential, List<Status> plan) {
    }

    /** The next planned change of a certificate, due at a time (System.nanoTime). */
    record Due(Issued certificate, int step, long at) implements Delayed {

        @Override
        public long getDelay(TimeUnit unit) {
            return unit.convert(at - System.nanoTime(), TimeUnit.NANOSECONDS);
        }

        @Override
        public int compareTo(Delayed other) {
            return Long.compare(at, ((Due) other).at);
        }
    }

    /** An answer and when its request was sent and answered (System.nanoTime). */
    record Timed(HttpResponse<String> response, long sent, long answered) {

        int status() {
            return response.statusCode();
        }
    }

    @AfterEach
    void stopAll() throws Exception {
        sampling = false;
        if (load != null) {
            load.shutdownNow();
        }
        for (Replica replica : replicas) {
            replica.process().destroyForcibly();
        }
        if (postgres != null) {
            postgres.close();
        }
    }

    @Test
    void three_replicas_under_mixed_load_answer_no_5xx_lose_no_write_keep_the_audit_chain_and_share_their_brakes() throws Exception {
        int pgPort = freePort();
        postgres = JarOnPostgres.startPostgres(work.resolve("postgres"), pgPort, work.resolve("postgres.log"));
        String issuer = JarOnPostgres.devToken(work, "issuer", AUTHORITY);
        String registrar = JarOnPostgres.devToken(work, "registrar", AUTHORITY);

        long launched = System.nanoTime();
        for (int r = 0; r < REPLICAS; r++) {
            replicas.add(JarOnPostgres.launch(work, pgPort, AUTHORITY, "三副本省人力资源和社会保障厅", "三副本省",
                    work.resolve("replica-" + (r + 1) + ".log"),
                    // as the %test profile: behind a proxy on loopback, whose X-Forwarded-For names the client
                    "-Dquarkus.http.proxy.proxy-address-forwarding=true", "-Dquarkus.http.proxy.allow-x-forwarded=true",
                    "-Dquarkus.http.proxy.trusted-proxies=127.0.0.1,[0:0:0:0:0:0:0:1]",
                    "-Detitle.publicity.objections.per-client=" + OBJECTIONS_PER_CLIENT, "-Detitle.publicity.objections.period=1h",
                    "-Detitle.verification.brake.per-client=" + GUESSES_PER_CLIENT, "-Detitle.verification.brake.per-client-period=1h"));
        }
        for (Replica replica : replicas) {
            JarOnPostgres.awaitListening(replica);
        }
        long startedMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - launched);

        long notice = openNotice(registrar);
        for (int i = 0; i < BATCH_DOCUMENTS; i++) {
            documents.add(Registers.document(JarOnPostgres.jdbcUrl(pgPort), AUTHORITY, BATCH_SIZE));
        }
        try (Connection db = DriverManager.getConnection(JarOnPostgres.jdbcUrl(pgPort), "postgres", "postgres")) {
            AtomicInteger sessions = new AtomicInteger();
            Thread sampler = new Thread(() -> sampleSessions(pgPort, sessions), "session-sampler");
            sampler.start();

            load = Executors.newFixedThreadPool(CLIENTS);
            loadStarted = System.nanoTime();
            loadEnds = loadStarted + LOAD.toNanos();
            for (int i = 0; i < ISSUERS; i++) {
                int client = i;
                load.submit(() -> issue(client, issuer));
            }
            for (int i = 0; i < CHANGERS; i++) {
                load.submit(() -> change(issuer));
            }
            for (int i = 0; i < VERIFIERS; i++) {
                int client = i;
                load.submit(() -> verify(client));
            }
            for (int i = 0; i < OBJECTORS; i++) {
                load.submit(() -> object(notice));
            }
            load.submit(() -> oneClientEach(notice, loadStarted + LOAD.toNanos() / 2));
            load.shutdown();
            assertThat(load.awaitTermination(LOAD.toSeconds() + 120, TimeUnit.SECONDS)).as("the clients ended").isTrue();
            Duration loaded = Duration.ofNanos(System.nanoTime() - loadStarted);
            sampling = false;
            sampler.join();

            List<JsonNode> auditChecks = new ArrayList<>();
            for (int r = 0; r < REPLICAS; r++) {
                Timed check = call("audit check", r, request(r, "/api/v1/audit-checks").header("Authorization", "Bearer " + issuer)
                        .POST(HttpRequest.BodyPublishers.noBody()));
                auditChecks.add(check == null || check.status() != 200 ? null : mapper.readTree(check.response().body()));
            }
            // a clean shutdown of each, at once, as a rollout ends them: each writes its queued verification events
            long stopping = System.nanoTime();
            replicas.forEach(r -> r.process().destroy());
            for (Replica replica : replicas) {
                assertThat(replica.process().waitFor(60, TimeUnit.SECONDS)).as("%s ended on SIGTERM", replica.base()).isTrue();
            }
            long stoppedMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - stopping);

            report(db, notice, loaded, startedMillis, stoppedMillis, sessions.get(), auditChecks);
        }
    }

    /** Checks what the database and the answers show, prints the figures and the checks, then asserts. */
    private void report(Connection db, long notice, Duration loaded, long startedMillis, long stoppedMillis, int sessions,
            List<JsonNode> auditChecks) throws Exception {
        List<String> singles = history.numbers();
        Map<String, String> stored = pairs(db, "SELECT number, status FROM certificate WHERE number = ANY(?)", singles);
        List<String> missing = singles.stream().filter(n -> !stored.containsKey(n)).toList();
        List<String> wrongStatus = singles.stream().filter(n -> stored.containsKey(n) && !stored.get(n).equals(history.last(n).name()))
                .map(n -> n + " " + stored.get(n) + " instead of " + history.last(n)).toList();
        Map<String, String> batchCounts = pairs(db, "SELECT e.document_id::text, count(*)::text FROM certificate c"
                + " JOIN qualification_document_entry e ON e.id = c.document_entry_id GROUP BY e.document_id");
        Map<String, String> batchesAnswered = batches.entrySet().stream()
                .collect(Collectors.toMap(e -> e.getKey().toString(), e -> e.getValue().toString()));
        int batchCertificates = batches.values().stream().mapToInt(Integer::intValue).sum();
        long ofAuthority = count(db, "SELECT count(*) FROM certificate c JOIN authority a ON a.id = c.authority_id WHERE a.code = ?",
                AUTHORITY);
        Map<String, String> audited = pairs(db, "SELECT action, count(*)::text FROM audit_entry WHERE authority_code = ?"
                + " GROUP BY action", AUTHORITY);
        Map<String, Long> writes = new LinkedHashMap<>();
        writes.put("certificate.issued", (long) singles.size() + batchCertificates);
        writes.put("batch.completed", (long) batches.size());
        writes.put("certificate.revoked", tally.count("revoke", 200));
        writes.put("certificate.suspended", tally.count("suspend", 200));
        writes.put("certificate.valid", tally.count("reinstate", 200));
        writes.put("publicity.objection-received", (long) receipts.size());
        Map<String, Long> auditedWrites = new LinkedHashMap<>();
        writes.keySet().forEach(action -> auditedWrites.put(action, Long.parseLong(audited.getOrDefault(action, "0"))));
        Set<String> storedReceipts = new HashSet<>(pairs(db, "SELECT receipt_number, status FROM objection WHERE notice_id = ?", notice)
                .keySet());
        Map<String, String> events = pairs(db, "SELECT c.number, count(*)::text FROM verification_event e"
                + " JOIN certificate c ON c.id = e.certificate_id GROUP BY c.number");
        Map<String, String> eventsExpected = namedIn.entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, e -> Integer.toString(e.getValue().get())));
        long eventsStored = events.values().stream().mapToLong(Long::parseLong).sum();

        Map<Verdict, Long> verdicts = new EnumMap<>(Verdict.class);
        List<String> wrong = new ArrayList<>();
        long validAfterRevocation = 0;
        long behindMaxNanos = 0;
        long afterOtherReplicasChange = 0;
        List<String> behind = new ArrayList<>();
        for (Verification v : verifications) {
            // number + name + code reads the certificate's row, committed before the change was answered: no replica may lag
            Judgement j = history.judge(v, v.method().equals("code") ? 0 : REFLECTED_WITHIN.toNanos());
            verdicts.merge(j.verdict(), 1L, Long::sum);
            validAfterRevocation += j.validAfterRevocation() ? 1 : 0;
            behindMaxNanos = Math.max(behindMaxNanos, j.behindNanos());
            afterOtherReplicasChange += history.recentlyChangedElsewhere(v, REFLECTED_WITHIN.toNanos()) ? 1 : 0;
            if (j.verdict() == Verdict.BEHIND && behind.size() < 10) {
                behind.add(String.format("%s by %s on replica %d (sent %.1f, %.1f ms after the change it did not show); the changes: %s",
                        v.status(), v.method(), v.replica() + 1, (v.sent() - loadStarted) / 1e6, j.behindNanos() / 1e6,
                        described(history.changesOf(v.number()))));
            }
            if (j.verdict() == Verdict.WRONG && wrong.size() < 20) {
                wrong.add(v + " after " + described(history.changesOf(v.number())));
            }
        }
        long objectedByOne = tally.count("object, one client", 201);
        long guessedByOne = tally.count("guess, one client", 200);
        List<String> errorLines = new ArrayList<>();
        for (Replica replica : replicas) {
            replica.output().lines().filter(line -> line.contains(" ERROR ")).limit(10).forEach(errorLines::add);
        }

        StringBuilder out = new StringBuilder(String.format("three replicas on one PostgreSQL: started together in %d ms;"
                + " %d s of mixed load from %d client threads (%s); at most %d database sessions; stopped cleanly in %d ms%n",
                startedMillis, loaded.toSeconds(), CLIENTS, "issuing " + ISSUERS + ", changing "
                + CHANGERS + ", verifying " + VERIFIERS + ", objecting " + OBJECTORS + ", one client for the brakes", sessions,
                stoppedMillis));
        out.append(tally.table(loaded));
        out.append(String.format("checks:%n"));
        out.append(String.format("  5xx or unanswered: %s%n", tally.failures().isEmpty() ? "none" : tally.failures()));
        out.append(String.format("  certificates answered 201: %d single and %d in %d batches; in the database: %d of the authority,"
                + " %d single missing, %d with another status than the last 200 set%n", singles.size(), batchCertificates,
                batches.size(), ofAuthority, missing.size(), wrongStatus.size()));
        out.append(String.format("  audit entries of the authority per write answered: %s (answered %s)%n", auditedWrites, writes));
        out.append(String.format("  objections answered 201: %d, in the database: %d%n", receipts.size(), storedReceipts.size()));
        out.append(String.format("  audit chain, checked on each replica: %s%n", auditChecks.stream()
                .map(c -> c == null ? "no answer" : (c.path("intact").asBoolean() ? "intact" : "BROKEN") + " (" + c.path("entriesChecked")
                        .asLong() + " entries)").collect(Collectors.joining(", "))));
        out.append(String.format("  verifications answered: %d; %s; %d sent less than %d ms after another replica answered a change"
                + " of the certificate; behind at most %.1f ms; VALID after a revocation answered before: %d%n",
                verifications.size(), verdicts, afterOtherReplicasChange, REFLECTED_WITHIN.toMillis(), behindMaxNanos / 1e6,
                validAfterRevocation));
        behind.forEach(b -> out.append(String.format("    behind: %s%n", b)));
        out.append(String.format("  verification log after the shutdown: %d events for %d verifications naming a certificate%n",
                eventsStored, eventsExpected.values().stream().mapToLong(Long::parseLong).sum()));
        out.append(String.format("  objections from one client address on all three replicas at once: %d of %d accepted (limit %d;"
                + " per replica %s)%n", objectedByOne, tally.count("object, one client"), OBJECTIONS_PER_CLIENT,
                perReplica("object, one client", 201)));
        out.append(String.format("  failed guesses from one client address on each replica in turn: %d of %d answered (limit %d;"
                + " per replica %s), the rest 429%n", guessedByOne, tally.count("guess, one client"), GUESSES_PER_CLIENT,
                perReplica("guess, one client", 200)));
        out.append(String.format("  ERROR lines in the replicas' logs: %d%n", errorLines.size()));
        System.out.print(out);

        assertThat(tally.failures()).as("5xx answers and requests without an answer").isEmpty();
        assertThat(errorLines).as("ERROR lines in the replicas' logs").isEmpty();
        assertThat(missing).as("certificates answered 201 but not in the database").isEmpty();
        assertThat(wrongStatus).as("certificates whose status is not the one the last 200 set").isEmpty();
        assertThat(batchCounts).as("certificates of each batch document: those answered 201 with all their entries, no others")
                .isEqualTo(batchesAnswered);
        assertThat(ofAuthority).as("certificates of the authority").isEqualTo(singles.size() + batchCertificates);
        assertThat(auditedWrites).as("audit entries per write answered").isEqualTo(writes);
        assertThat(storedReceipts).as("objections answered 201").isEqualTo(receipts);
        assertThat(auditChecks).as("the audit chain checked on each replica").allSatisfy(c -> {
            assertThat(c).isNotNull();
            assertThat(c.path("intact").asBoolean()).as("%s", c).isTrue();
            assertThat(c.path("entriesChecked").asLong()).isGreaterThan(writes.values().stream().mapToLong(Long::longValue).sum());
        });
        assertThat(wrong).as("verifications answering a status no replica may answer then (of %d)", verifications.size()).isEmpty();
        assertThat(events).as("verification events per certificate after a clean shutdown").isEqualTo(eventsExpected);
        assertThat(objectedByOne).as("objections accepted from one client address on three replicas").isEqualTo(OBJECTIONS_PER_CLIENT);
        assertThat(guessedByOne).as("failed guesses answered for one client address on three replicas").isEqualTo(GUESSES_PER_CLIENT);
        assertThat(tally.count("object, one client", 429) + objectedByOne).isEqualTo(tally.count("object, one client"));
        assertThat(tally.count("guess, one client", 429) + guessedByOne).isEqualTo(tally.count("guess, one client"));
        for (int r = 0; r < REPLICAS; r++) {
            assertThat(tally.requestsTo("object, one client", r)).as("the objecting client's requests to replica %d", r + 1)
                    .isGreaterThan(OBJECTIONS_PER_CLIENT);
            assertThat(tally.requestsTo("guess, one client", r)).as("the guessing client's requests to replica %d", r + 1)
                    .isEqualTo(GUESSES_PER_CLIENT);
        }

        // enough of everything happened on every replica for the checks above to mean something, even in a short run
        for (int r = 0; r < REPLICAS; r++) {
            assertThat(tally.count("issue", r, 201)).as("certificates issued on replica %d", r + 1).isGreaterThanOrEqualTo(5);
            assertThat(tally.count("revoke", r, 200)).as("revocations on replica %d", r + 1).isGreaterThanOrEqualTo(2);
            assertThat(tally.count("suspend", r, 200)).as("suspensions on replica %d", r + 1).isGreaterThanOrEqualTo(2);
            assertThat(tally.count("reinstate", r, 200)).as("reinstatements on replica %d", r + 1).isGreaterThanOrEqualTo(1);
            for (String method : List.of("token", "credential", "code")) {
                assertThat(tally.count("verify " + method, r, 200)).as("verifications by %s on replica %d", method, r + 1)
                        .isGreaterThanOrEqualTo(20);
            }
            assertThat(tally.count("object", r, 201)).as("objections on replica %d", r + 1).isGreaterThanOrEqualTo(3);
        }
        assertThat(batches).as("batches issued").isNotEmpty();
        assertThat(afterOtherReplicasChange).as("verifications just after another replica changed the certificate").isGreaterThanOrEqualTo(20);
    }

    /** One issuing client: single certificates on each replica in turn, every BATCH_EVERY-th request a batch instead. */
    private void issue(int client, String token) {
        for (int n = 1; running(); n++) {
            int r = (client + n) % REPLICAS;
            Long document = n % BATCH_EVERY == 0 ? documents.poll() : null;
            if (document != null) {
                Timed batch = call("issue batch", r, request(r, "/api/v1/certificate-batches").header("Authorization", "Bearer " + token)
                        .header("Content-Type", "application/json").header("Idempotency-Key", "batch-" + document)
                        .POST(body(Map.of("documentId", document))));
                if (batch != null && batch.status() == 201) {
                    batches.put(document, json(batch).path("issued").asInt());
                }
                continue;
            }
            String name = NAMES.get(n % NAMES.size());
            Map<String, Object> body = new LinkedHashMap<>(ISSUE_REQUEST);
            body.put("holderName", name);
            body.put("holderIdNumber", IdCards.next());
            Timed answer = call("issue", r, request(r, "/api/v1/certificates").header("Authorization", "Bearer " + token)
                    .header("Content-Type", "application/json").POST(body(body)));
            if (answer != null && answer.status() == 201) {
                JsonNode view = json(answer);
                Issued certificate = new Issued(view.path("number").asText(), name, view.path("verificationCode").asText(),
                        view.path("token").asText(), view.path("credential"), PLANS.get(ThreadLocalRandom.current().nextInt(PLANS.size())));
                history.issued(certificate.number());
                issued.add(certificate);
                if (!certificate.plan().isEmpty()) {
                    dueChanges.add(new Due(certificate, 0, System.nanoTime() + BETWEEN_CHANGES.toNanos()));
                }
            }
        }
    }

    /** One clerk: the planned changes as they fall due, one at a time, on each replica in turn. */
    private void change(String token) {
        for (int n = 0; running(); n++) {
            Due due;
            try {
                due = dueChanges.poll(50, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                return;
            }
            if (due == null) {
                continue;
            }
            int r = n % REPLICAS;
            Issued c = due.certificate();
            Status next = c.plan().get(due.step());
            String path = "/api/v1/certificates/" + c.number();
            HttpRequest.Builder request = switch (next) {
                case REVOKED -> request(r, path + "/revocation").POST(body(Map.of("reason", "COURT_ORDER")));
                case SUSPENDED -> request(r, path + "/suspension").POST(body(Map.of("reason", "停职调查")));
                case VALID -> request(r, path + "/suspension").DELETE();
            };
            String operation = switch (next) {
                case REVOKED -> "revoke";
                case SUSPENDED -> "suspend";
                case VALID -> "reinstate";
            };
            Timed answer = call(operation, r, request.header("Authorization", "Bearer " + token).header("Content-Type", "application/json"));
            if (answer != null && answer.status() == 200) {
                history.changed(c.number(), new Change(next, r, answer.sent(), answer.answered()));
                recentlyChanged.set((int) (changesMade.getAndIncrement() % recentlyChanged.length()), c);
                if (due.step() + 1 < c.plan().size()) {
                    dueChanges.add(new Due(c, due.step() + 1, System.nanoTime() + BETWEEN_CHANGES.toNanos()));
                }
            }
        }
    }

    /** One verifier: any replica, each way of asking in turn, half the time a certificate changed a moment ago. */
    private void verify(int client) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        for (int n = client; running(); n++) {
            Issued c = random.nextBoolean() && changesMade.get() > 0
                    ? recentlyChanged.get(random.nextInt((int) Math.min(changesMade.get(), recentlyChanged.length())))
                    : any(random);
            if (c == null) {
                pause();
                continue;
            }
            int r = random.nextInt(REPLICAS);
            String method = List.of("token", "credential", "code").get(n % 3);
            Map<String, Object> body = switch (method) {
                case "token" -> Map.of("token", c.token());
                case "credential" -> Map.of("credential", c.credential());
                default -> Map.of("certificateNumber", c.number(), "holderName", c.holderName(), "verificationCode", c.code());
            };
            Timed answer = call("verify " + method, r, request(r, "/api/v1/verifications").header("Content-Type", "application/json")
                    .POST(body(body)));
            if (answer == null) {
                continue;
            }
            Status said = null;
            if (answer.status() == 200) {
                JsonNode verdict = json(answer);
                String status = verdict.path("certificate").path("status").asText("");
                boolean consistent = verdict.path("result").asText().equals(status.equals("VALID") ? "VALID" : "CERTIFICATE_NOT_VALID");
                said = consistent && Set.of("VALID", "SUSPENDED", "REVOKED").contains(status) ? Status.valueOf(status) : null;
                if (verdict.path("certificate").has("certificateNumber")) {
                    namedIn.computeIfAbsent(verdict.path("certificate").path("certificateNumber").asText(), k -> new AtomicInteger())
                            .incrementAndGet();
                }
            }
            verifications.add(new Verification(c.number(), method, r, answer.sent(), answer.answered(), said));
        }
    }

    /** Objections from many client addresses, a new one each time, so no brake is met: 201 for every one. */
    private void object(long notice) {
        while (running()) {
            int n = objectingClients.incrementAndGet();
            String client = "10." + (n >> 16 & 255) + "." + (n >> 8 & 255) + "." + (n & 255);
            int r = ThreadLocalRandom.current().nextInt(REPLICAS);
            fileObjection("object", r, notice, client, 1 + n % 3);
        }
    }

    /**
     * Halfway through the load: one client address files objections on all three replicas at once, over the limit on each;
     * then another sends failed guesses to each replica in turn, the limit's worth to each.
     */
    private void oneClientEach(long notice, long at) {
        while (System.nanoTime() < at) {
            pause();
        }
        ExecutorService burst = Executors.newFixedThreadPool(REPLICAS);
        for (int r = 0; r < REPLICAS; r++) {
            int replica = r;
            burst.submit(() -> {
                for (int i = 0; i < OBJECTIONS_PER_REPLICA; i++) {
                    fileObjection("object, one client", replica, notice, OBJECTING_CLIENT, 1 + i % 3);
                }
            });
        }
        burst.shutdown();
        try {
            burst.awaitTermination(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            return;
        }
        // unknown numbers, so that only the client's bucket fills (each number has a bucket of its own too)
        for (int i = 0; i < GUESSES_PER_CLIENT * REPLICAS; i++) {
            int r = i % REPLICAS;
            String number = "2026" + String.format("%013d", ThreadLocalRandom.current().nextLong(10_000_000_000_000L));
            call("guess, one client", r, request(r, "/api/v1/verifications").header("Content-Type", "application/json")
                    .header("X-Forwarded-For", GUESSING_CLIENT)
                    .POST(body(Map.of("certificateNumber", number, "holderName", "王五", "verificationCode", "ABCD2345"))));
        }
    }

    private void fileObjection(String operation, int r, long notice, String client, int position) {
        Map<String, Object> objection = Map.of("objectorName", "赵六", "contact", "objector@example.cn", "entryPosition", position,
                "reason", "该同志申报材料中的论文与他人已发表论文高度雷同，请核查。");
        Timed answer = call(operation, r, request(r, "/api/v1/publicity-notices/" + notice + "/objections")
                .header("Content-Type", "application/json").header("X-Forwarded-For", client).POST(body(objection)));
        if (answer != null && answer.status() == 201) {
            receipts.add(json(answer).path("receiptNumber").asText());
        }
    }

    /**
     * A committee, and its notice of three candidates opened by the registrar to start in two seconds, once it is
     * published; a year without a shipped working-day calendar (the test running after 2026) is entered without holidays.
     */
    private long openNotice(String registrar) throws Exception {
        LocalDate today = LocalDate.now(CHINA);
        for (int year : List.of(today.getYear(), today.getYear() + 1)) {
            Timed shipped = call("set-up", 0, request(0, "/api/v1/working-day-calendar/" + year).GET());
            if (shipped.status() == 404) {
                Timed entered = call("set-up", 0, request(0, "/api/v1/working-day-calendar/" + year).header("Authorization", "Bearer " + registrar)
                        .header("Content-Type", "application/json").PUT(body(Map.of("source", "ThreeReplicasIT: a year without holidays",
                                "holidays", List.of(), "adjustedWorkingDays", List.of()))));
                assertThat(entered.status()).as(entered.response().body()).isEqualTo(201);
            }
        }
        Map<String, Object> committee = new LinkedHashMap<>();
        committee.put("name", "三副本省工程系列高级职称评审委员会");
        committee.put("code", "GC-GJ-01");
        committee.put("level", "SENIOR");
        committee.put("series", "工程");
        committee.put("specialtyScope", "建筑设计、结构、给排水");
        committee.put("managingDepartment", "三副本省住房和城乡建设厅");
        committee.put("approvingAuthority", "三副本省人力资源和社会保障厅");
        committee.put("region", "三副本市");
        committee.put("contactPhone", "0931-8123456");
        committee.put("contactAddress", "三副本市城关区示范路1号");
        committee.put("filingNumber", "三职改备〔2026〕3号");
        committee.put("status", "ACTIVE");
        committee.put("establishedOn", "2018-09-01");
        Timed filed = call("set-up", 1, request(1, "/api/v1/committees").header("Authorization", "Bearer " + registrar)
                .header("Content-Type", "application/json").POST(body(committee)));
        assertThat(filed.status()).as(filed.response().body()).isEqualTo(201);

        List<Map<String, Object>> candidates = new ArrayList<>();
        for (String name : List.of("张三", "李四", "王五")) {
            candidates.add(Map.of("name", name, "holderIdNumber", IdCards.next(), "workUnit", "三副本省建筑设计研究院", "series", "工程",
                    "specialty", "建筑设计", "qualificationName", "高级工程师", "level", "DEPUTY_SENIOR", "promotionType", "NORMAL"));
        }
        Map<String, Object> notice = new LinkedHashMap<>();
        notice.put("committeeId", json(filed).path("id").asLong());
        notice.put("title", "三副本省工程系列高级职称评审结果公示");
        notice.put("voteDate", today.minusDays(1).toString());
        notice.put("startsAt", OffsetDateTime.now(CHINA).plusSeconds(2).truncatedTo(ChronoUnit.SECONDS).toString());
        notice.put("workingDays", 5);
        notice.put("contactPhone", "0931-8123456");
        notice.put("contactAddress", "三副本市城关区示范路1号 职改办");
        notice.put("candidates", candidates);
        Timed opened = call("set-up", 2, request(2, "/api/v1/publicity-notices").header("Authorization", "Bearer " + registrar)
                .header("Content-Type", "application/json").POST(body(notice)));
        assertThat(opened.status()).as(opened.response().body()).isEqualTo(201);
        long id = json(opened).path("id").asLong();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (call("set-up", 0, request(0, "/api/v1/publicity-notices/" + id).GET()).status() != 200) {
            assertThat(System.nanoTime()).as("the notice published").isLessThan(deadline);
            Thread.sleep(200);
        }
        return id;
    }

    /** The most database sessions seen at once, sampled every 0.5 s while the load runs. */
    private void sampleSessions(int pgPort, AtomicInteger most) {
        try (Connection c = DriverManager.getConnection(JarOnPostgres.jdbcUrl(pgPort), "postgres", "postgres")) {
            while (sampling) {
                most.accumulateAndGet((int) count(c, "SELECT count(*) FROM pg_stat_activity WHERE backend_type = 'client backend'"),
                        Math::max);
                Thread.sleep(500);
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private boolean running() {
        return System.nanoTime() < loadEnds;
    }

    private Issued any(ThreadLocalRandom random) {
        synchronized (issued) {
            return issued.isEmpty() ? null : issued.get(random.nextInt(issued.size()));
        }
    }

    private static void pause() {
        try {
            Thread.sleep(10);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private HttpRequest.Builder request(int replica, String path) {
        return HttpRequest.newBuilder(URI.create(replicas.get(replica).base() + path)).timeout(Duration.ofSeconds(30));
    }

    private HttpRequest.BodyPublisher body(Object value) {
        try {
            return HttpRequest.BodyPublishers.ofString(mapper.writeValueAsString(value), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private JsonNode json(Timed answer) {
        try {
            return mapper.readTree(answer.response().body());
        } catch (IOException e) {
            throw new IllegalStateException(answer.response().body(), e);
        }
    }

    /** Sends the request and records its answer under the operation; null (recorded as -1) when there was none. */
    private Timed call(String operation, int replica, HttpRequest.Builder request) {
        long sent = System.nanoTime();
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            long answered = System.nanoTime();
            if (!operation.equals("set-up")) {
                tally.record(operation, replica, response.statusCode(), TimeUnit.NANOSECONDS.toMicros(answered - sent));
            }
            return new Timed(response, sent, answered);
        } catch (IOException e) {
            tally.record(operation, replica, -1, TimeUnit.NANOSECONDS.toMicros(System.nanoTime() - sent));
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    /** Changes as "SUSPENDED on replica 1, then VALID on replica 3", with when each was sent and answered (ms since the load began). */
    private String described(List<Change> changes) {
        return changes.stream().map(c -> String.format("%s on replica %d (sent %.1f, answered %.1f)", c.after(), c.replica() + 1,
                (c.sent() - loadStarted) / 1e6, (c.answered() - loadStarted) / 1e6)).collect(Collectors.joining(", then "));
    }

    private String perReplica(String operation, int status) {
        List<String> counts = new ArrayList<>();
        for (int r = 0; r < REPLICAS; r++) {
            counts.add(tally.count(operation, r, status) + " of " + tally.requestsTo(operation, r));
        }
        return String.join(", ", counts);
    }

    /** The first two columns of each row, as text. */
    private static Map<String, String> pairs(Connection db, String sql, Object... parameters) throws Exception {
        try (PreparedStatement query = bound(db, sql, parameters); ResultSet rs = query.executeQuery()) {
            Map<String, String> rows = new HashMap<>();
            while (rs.next()) {
                rows.put(rs.getString(1), rs.getString(2));
            }
            return rows;
        }
    }

    private static long count(Connection db, String sql, Object... parameters) throws Exception {
        try (PreparedStatement query = bound(db, sql, parameters); ResultSet rs = query.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** The statement with its parameters set; a list is passed as a text array. */
    private static PreparedStatement bound(Connection db, String sql, Object... parameters) throws Exception {
        PreparedStatement query = db.prepareStatement(sql);
        for (int i = 0; i < parameters.length; i++) {
            query.setObject(i + 1, parameters[i] instanceof List<?> list ? db.createArrayOf("text", list.toArray()) : parameters[i]);
        }
        return query;
    }

    /** What happens to a certificate after it is issued: mostly nothing, else a suspension, reinstatement or revocation. */
    private static final List<List<Status>> PLANS = List.of(List.of(), List.of(), List.of(Status.REVOKED),
            List.of(Status.SUSPENDED), List.of(Status.SUSPENDED, Status.VALID), List.of(Status.SUSPENDED, Status.VALID, Status.REVOKED),
            List.of(Status.SUSPENDED, Status.REVOKED));

    private static final List<String> NAMES = List.of("钱七", "孙八", "周九", "吴十", "郑一", "王二", "冯三", "陈四");

    private static final Map<String, Object> ISSUE_REQUEST = Map.ofEntries(Map.entry("workUnit", "三副本省水利设计院"),
            Map.entry("series", "工程"), Map.entry("specialty", "水利工程"), Map.entry("level", "INTERMEDIATE"),
            Map.entry("qualificationName", "工程师"), Map.entry("effectiveScope", "PROVINCE_WIDE"), Map.entry("acquisitionRoute", "EXAM"),
            Map.entry("promotionType", "NORMAL"), Map.entry("approvalDocumentNumber", "三人社职〔2026〕3号"),
            Map.entry("qualificationDate", "2026-05-20"));
}
