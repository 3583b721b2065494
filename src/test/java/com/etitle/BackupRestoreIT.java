package com.etitle;

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
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import com.etitle.support.IdCards;
import com.etitle.support.JarOnPostgres;
import com.etitle.support.JarOnPostgres.Replica;
import com.etitle.support.OpenSsl;
import com.etitle.support.PgClient;
import com.etitle.support.Registers;
import com.etitle.support.Requests;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * The backup and restore of docs/operations.md ("Backups"), done as an operator does it. The packaged jar runs as a
 * production replica on PostgreSQL and is used: single certificates and a batch issued, one revoked, two suspended, one
 * reported lost and reissued and its void notice published, one shared with a verifier, its faces downloaded, a
 * publicity notice opened and objected to. Everything a user can see is recorded: {@link #observe}. Then, while the
 * service runs, {@code pg_dump -Fc} and a copy of the keys folder; the service and its database are stopped and deleted.
 *
 * <p>Restored with {@code pg_restore} into a fresh, empty cluster and started on a new folder with the copied keys, the
 * service must answer every recorded question exactly as before, sign with the same key (checked with OpenSSL), and go
 * on: a new certificate, a revocation and a second void notice, numbered after the restored ones, on an intact audit
 * chain. Restored without the keys folder, it must still verify every certificate as before and refuse to sign.
 *
 * <p>Its clusters run PostgreSQL 15 binaries (see {@code backup-test-postgres.version} in the pom): pg_dump refuses a
 * server of a newer major than its own, and Debian 12's {@code postgresql-client} is 15.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BackupRestoreIT {

    private static final String AUTHORITY = "BACKUP";
    private static final String AUTHORITY_NAME = "备份演练省人力资源和社会保障厅";
    private static final String REGION = "备份演练省";
    private static final String DATABASE = "etitle";
    private static final int BATCH_SIZE = 20;
    private static final List<String> NAMES = List.of("钱一", "孙二", "李三", "周四", "吴五", "郑六");
    /** Members that are times of the answer itself, not of what it is about: the only ones left out of a comparison. */
    private static final List<String> ANSWER_TIMES = List.of("checkedAt");
    private static final Pattern NOTICE_NUMBER = Pattern.compile(AUTHORITY + "-VOID-(\\d{4})-(\\d{3})");

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5))
            .build();
    private final ObjectMapper json = new ObjectMapper();
    private final List<Replica> running = new ArrayList<>();
    private final List<EmbeddedPostgres> clusters = new ArrayList<>();

    @TempDir
    static Path work;

    private Path binaries;
    private PgClient pg;
    private Path backup;
    /** The development identity, standing in for the identity provider, which is not the service's to back up. */
    private Path identity;
    private String issuer;
    private String registrar;
    private String holder;
    /** The certificates as issued, by person: 0 revoked, 1 suspended, 2 reissued, 3 shared and its faces taken, 4 and 5 valid. */
    private final List<String> singles = new ArrayList<>();
    private final List<String> numbers = new ArrayList<>();
    private final List<String> voidNotices = new ArrayList<>();
    private String grant;
    private long noticeId;
    private byte[] pdfFace;
    private byte[] ofdFace;
    private Map<String, JsonNode> before;
    private long dumpBytes;
    private long dumpMillis;

    /** An answer kept for comparison: its status and its body (JSON, or text), without {@link #ANSWER_TIMES}. */
    record Seen(int status, JsonNode body) {
    }

    /** A service started on a restored database. */
    record Restored(Replica service, int pgPort, long restoreMillis, long startMillis) {
    }

    @BeforeAll
    void a_working_service_is_used_then_dumped_and_its_keys_copied() throws Exception {
        binaries = Path.of(Objects.requireNonNull(System.getProperty("backup-test-postgres.jar"),
                "system property backup-test-postgres.jar (set by the failsafe plugin)"));
        int pgPort = freePort();
        EmbeddedPostgres original = JarOnPostgres.startPostgres(work.resolve("original-postgres"), pgPort, work.resolve("original-postgres.log"),
                binaries);
        clusters.add(original);
        pg = new PgClient(work.resolve("pg-tools"));
        pg.assertCanDump(pgPort);
        issuer = JarOnPostgres.devToken(work, "issuer", AUTHORITY);
        registrar = JarOnPostgres.devToken(work, "registrar", AUTHORITY);
        identity = work.resolve("data").resolve("dev-identity");
        Replica service = JarOnPostgres.start(work, pgPort, AUTHORITY, AUTHORITY_NAME, REGION, work.resolve("original.log"));
        running.add(service);
        use(service.base(), JarOnPostgres.jdbcUrl(pgPort));
        numbers.addAll(certificateNumbers(JarOnPostgres.jdbcUrl(pgPort)));
        before = observe(service.base());

        backup = Files.createDirectories(work.resolve("backup"));
        Path dump = backup.resolve("etitle.dump");
        long start = System.nanoTime();
        pg.dump(pgPort, "postgres", dump);
        dumpMillis = (System.nanoTime() - start) / 1_000_000;
        dumpBytes = Files.size(dump);
        copy(work.resolve("keys"), backup.resolve("keys"));

        // gone for good: nothing restored below can lean on the original database or key files
        service.stop();
        running.remove(service);
        original.close();
        clusters.remove(original);
        delete(work.resolve("original-postgres"));
        delete(work.resolve("keys"));
        System.out.printf("backup and restore: used %d certificates (%d single, %d in a batch, their replacement), %d void notice,"
                + " 1 grant, 1 publicity notice with an objection; recorded %d answers; pg_dump -Fc took %d ms and wrote %d bytes;"
                + " the keys folder holds %s%n", numbers.size(), NAMES.size(), BATCH_SIZE, voidNotices.size(), before.size(), dumpMillis,
                dumpBytes, keyFiles(backup.resolve("keys")));
    }

    @AfterEach
    void stopRestored() throws Exception {
        for (Replica replica : running) {
            replica.stop();
        }
        running.clear();
        for (EmbeddedPostgres cluster : clusters) {
            cluster.close();
        }
        clusters.clear();
    }

    @AfterAll
    void stopAll() throws Exception {
        stopRestored();
    }

    @Test
    void restored_into_a_fresh_cluster_with_its_key_files_it_answers_everything_as_before_and_carries_on() throws Exception {
        Restored restored = restore("restored", backup.resolve("keys"));
        String base = restored.service().base();

        Map<String, JsonNode> after = observe(base);
        assertThat(differences(before, after)).as("answers that differ after the restore").isEmpty();
        JsonNode audit = after.get("POST /api/v1/audit-checks").path("body");
        assertThat(audit.path("intact").asBoolean()).as("audit chain after the restore: %s", audit).isTrue();

        // signed with the same key as before, as an outsider checks it: OpenSSL and the JWKS the restored service serves
        OpenSsl openssl = new OpenSsl(Files.createDirectories(work.resolve("openssl")));
        JsonNode jwks = body(send(get(base + "/.well-known/jwks.json")));
        for (String number : voidNotices) {
            ObjectNode notice = (ObjectNode) json.readTree(send(get(base + "/api/v1/void-notices/" + number)).body());
            assertThat(openssl.verifyDocumentWith(jwks, notice)).as("void notice %s", number).isEqualTo(OpenSsl.Verdict.VERIFIED);
        }
        List<String> lists = statusListPaths();
        for (String list : lists) {
            String served = new String(send(get(base + list)).body(), StandardCharsets.UTF_8);
            OpenSsl.Verdict verdict = served.startsWith("{") ? openssl.verifyDocumentWith(jwks, (ObjectNode) json.readTree(served))
                    : openssl.verifyJwsWith(jwks, served);
            assertThat(verdict).as("status list %s, signed again after the restore", list).isEqualTo(OpenSsl.Verdict.VERIFIED);
        }

        // and it carries on: a new certificate, a revocation, a reissue with its void notice, each after the restored ones
        HttpResponse<byte[]> issued = send(post(base + "/api/v1/certificates", person("冯七", IdCards.next()), issuer));
        assertThat(issued.statusCode()).as(text(issued)).isEqualTo(201);
        JsonNode fresh = body(issued);
        String newNumber = fresh.path("number").asText();
        assertThat(numbers).as("the new certificate's number").doesNotContain(newNumber);
        assertThat(fresh.path("keyId").asText()).as("signed with the restored key").isEqualTo(before.get("certificate " + singles.get(3))
                .path("body").path("keyId").asText());
        assertThat(slot(fresh)).as("the new certificate's status slot").isNotIn(slotsOf(before));
        assertThat(verification(base, Map.of("token", fresh.path("token").asText())).path("result").asText()).isEqualTo("VALID");
        assertThat(openssl.verifyDocumentWith(jwks, (ObjectNode) fresh.path("credential"))).isEqualTo(OpenSsl.Verdict.VERIFIED);
        assertThat(openssl.verifyJwsWith(jwks, fresh.path("token").asText())).isEqualTo(OpenSsl.Verdict.VERIFIED);

        String revoked = singles.get(4);
        assertThat(send(post(base + "/api/v1/certificates/" + revoked + "/revocation", Map.of("reason", "COURT_ORDER"), issuer)).statusCode())
                .isEqualTo(200);
        JsonNode afterRevocation = verification(base, Map.of("token", tokenOf(revoked)));
        assertThat(afterRevocation.path("certificate").path("status").asText()).as("%s revoked after the restore", revoked).isEqualTo("REVOKED");
        String list = statusListPathOf(before.get("certificate " + revoked).path("body").path("credential"));
        assertThat(statusList(send(get(base + list)))).as("the revocation list after a new revocation").isNotEqualTo(before.get("status list " + list));

        String secondNotice = reissueAndPublish(base, singles.get(5));
        Matcher first = NOTICE_NUMBER.matcher(voidNotices.get(0));
        Matcher second = NOTICE_NUMBER.matcher(secondNotice);
        assertThat(first.matches() && second.matches()).as("%s and %s", voidNotices.get(0), secondNotice).isTrue();
        assertThat(second.group(1)).isEqualTo(first.group(1));
        assertThat(Integer.parseInt(second.group(2))).as("the void notice after the restore is numbered after the restored one")
                .isEqualTo(Integer.parseInt(first.group(2)) + 1);

        JsonNode chain = body(send(post(base + "/api/v1/audit-checks", Map.of(), issuer)));
        assertThat(chain.path("intact").asBoolean()).as("audit chain after new entries: %s", chain).isTrue();
        assertThat(chain.path("entriesChecked").asLong()).isGreaterThan(audit.path("entriesChecked").asLong());
        assertThat(firstPreviousHashAfter(JarOnPostgres.jdbcUrl(restored.pgPort(), DATABASE), audit.path("lastEntryId").asLong()))
                .as("the first entry written after the restore chains onto the last restored one")
                .isEqualTo(audit.path("lastEntryHash").asText());

        System.out.printf("backup and restore, with the keys folder: pg_restore into a fresh cluster took %d ms; the service was ready"
                + " %d ms after its start; %d answers compared, none differed (ignored: %s of every answer; validFrom, proof.created"
                + " and proof.proofValue of %d W3C status lists and iat, exp and the signature of %d token status lists, all re-signed"
                + " and checked with OpenSSL); audit chain intact with %d entries, then %d; new certificate %s, revocation of %s, void"
                + " notice %s after %s%n", restored.restoreMillis(), restored.startMillis(), after.size(), ANSWER_TIMES,
                lists.stream().filter(l -> l.matches(".*/(revocation|suspension)$")).count(),
                lists.stream().filter(l -> !l.matches(".*/(revocation|suspension)$")).count(), audit.path("entriesChecked").asLong(),
                chain.path("entriesChecked").asLong(), newNumber, revoked, secondNotice, voidNotices.get(0));
    }

    @Test
    void restored_without_its_key_files_it_verifies_everything_as_before_but_signs_nothing() throws Exception {
        Restored restored = restore("without-keys", null);
        String base = restored.service().base();
        assertThat(restored.service().output()).contains("Authority " + AUTHORITY + " has no key files");

        Map<String, JsonNode> after = observe(base);
        Map<String, String> differing = differences(before, after);
        System.out.printf("backup and restore, without the keys folder: %d of %d answers differ:%n  %s%n", differing.size(), after.size(),
                differing.entrySet().stream().map(e -> e.getKey() + ": " + e.getValue()).collect(Collectors.joining("\n  ")));
        // all else answers as before: every certificate, every verification by credential, token, code or grant, the
        // registers, the void notice and the audit chain. What needs a private key now refuses, saying why:
        Map<String, String> refusals = new TreeMap<>();
        statusListPaths().forEach(list -> refusals.put("status list " + list, "409 /problems/no-signing-key"));
        refusals.put("GET /api/v1/issuers/" + AUTHORITY + "/document-certificates", "503 /problems/document-signing-unavailable");
        refusals.put("GET /api/v1/issuers/" + AUTHORITY + "/seal-certificates", "503 /problems/document-signing-unavailable");
        refusals.put("verification of the PDF face", "422 /problems/face-not-verifiable");
        refusals.put("verification of the OFD face", "503 /problems/document-signing-unavailable");
        Map<String, String> refused = new TreeMap<>();
        differing.keySet().forEach(k -> refused.put(k, after.get(k).path("status").asInt() + " " + after.get(k).path("body").path("type").asText()));
        assertThat(refused).isEqualTo(refusals);

        HttpResponse<byte[]> issued = send(post(base + "/api/v1/certificates", person("冯七", IdCards.next()), issuer));
        assertThat(issued.statusCode()).as(text(issued)).isEqualTo(409);
        assertThat(body(issued).path("type").asText()).isEqualTo("/problems/no-signing-key");
        HttpResponse<byte[]> filed = send(post(base + "/api/v1/reissue-applications", Map.of("certificateNumber", singles.get(5),
                "reason", "LOST", "declaration", "本人不慎遗失职称证书一本，特此声明作废。"), issuer));
        assertThat(filed.statusCode()).as("an application needs no key: %s", text(filed)).isEqualTo(201);
        HttpResponse<byte[]> approved = send(post(base + "/api/v1/reissue-applications/" + body(filed).path("id").asLong() + "/approval",
                Map.of(), issuer));
        assertThat(approved.statusCode()).as("its replacement does: %s", text(approved)).isEqualTo(409);
        assertThat(body(approved).path("type").asText()).isEqualTo("/problems/no-signing-key");
        assertThat(verification(base, Map.of("token", tokenOf(singles.get(5)))).path("result").asText())
                .as("nothing was voided").isEqualTo("VALID");
    }

    /** What the operator's procedure does: a fresh cluster, an empty database, pg_restore, the keys back, one replica. */
    private Restored restore(String name, Path keys) throws Exception {
        Path folder = Files.createDirectories(work.resolve(name));
        int pgPort = freePort();
        clusters.add(JarOnPostgres.startPostgres(folder.resolve("postgres"), pgPort, folder.resolve("postgres.log"), binaries));
        assertThat(databases(JarOnPostgres.jdbcUrl(pgPort))).as("a fresh cluster's databases").doesNotContain(DATABASE);
        pg.createDatabase(pgPort, DATABASE);
        long start = System.nanoTime();
        pg.restore(pgPort, DATABASE, backup.resolve("etitle.dump"));
        long restoreMillis = (System.nanoTime() - start) / 1_000_000;

        Path service = Files.createDirectories(folder.resolve("service"));
        copy(identity, service.resolve("data").resolve("dev-identity"));
        if (keys != null) {
            copy(keys, service.resolve("keys"));
        }
        start = System.nanoTime();
        // as in production: keys are mounted, never generated (a later -D wins over JarOnPostgres' own)
        Replica replica = JarOnPostgres.start(service, JarOnPostgres.jdbcUrl(pgPort, DATABASE), AUTHORITY, AUTHORITY_NAME, REGION,
                folder.resolve("service.log"), "-Detitle.keys.generate=false");
        running.add(replica);
        return new Restored(replica, pgPort, restoreMillis, (System.nanoTime() - start) / 1_000_000);
    }

    /** Issues, changes, reissues, publishes, shares and objects, through the API as the authority, holders and the public do. */
    private void use(String base, String jdbcUrl) throws Exception {
        List<String> idNumbers = new ArrayList<>();
        for (String name : NAMES) {
            String idNumber = IdCards.next();
            idNumbers.add(idNumber);
            HttpResponse<byte[]> issued = send(post(base + "/api/v1/certificates", person(name, idNumber), issuer));
            assertThat(issued.statusCode()).as(text(issued)).isEqualTo(201);
            singles.add(body(issued).path("number").asText());
        }
        long document = Registers.document(jdbcUrl, AUTHORITY, BATCH_SIZE);
        HttpResponse<byte[]> batch = send(post(base + "/api/v1/certificate-batches", Map.of("documentId", document), issuer)
                .header("Idempotency-Key", "backup-batch"));
        assertThat(batch.statusCode()).as(text(batch)).isEqualTo(201);
        assertThat(body(batch).path("issued").asInt()).isEqualTo(BATCH_SIZE);

        assertThat(send(post(base + "/api/v1/certificates/" + singles.get(0) + "/revocation", Map.of("reason", "FRAUD"), issuer)).statusCode())
                .isEqualTo(200);
        assertThat(send(post(base + "/api/v1/certificates/" + singles.get(1) + "/suspension", Map.of("reason", "核查中"), issuer)).statusCode())
                .isEqualTo(200);
        String batchEntry = certificateNumbers(jdbcUrl).stream().filter(n -> !singles.contains(n)).findFirst().orElseThrow();
        assertThat(send(post(base + "/api/v1/certificates/" + batchEntry + "/suspension", Map.of(), issuer)).statusCode()).isEqualTo(200);
        voidNotices.add(reissueAndPublish(base, singles.get(2)));

        holder = JarOnPostgres.holderToken(work, idNumbers.get(3));
        String shared = singles.get(3);
        HttpResponse<byte[]> made = send(post(base + "/api/v1/me/certificates/" + shared + "/grants",
                Map.of("verifierName", "示范市建筑工程有限公司", "purpose", "入职资格审核", "validityDays", 30), holder));
        assertThat(made.statusCode()).as(text(made)).isEqualTo(201);
        grant = body(made).path("code").asText();
        pdfFace = face(base, shared, "application/pdf");
        ofdFace = face(base, shared, "application/ofd");

        HttpResponse<byte[]> committee = send(post(base + "/api/v1/committees", committee(), registrar));
        assertThat(committee.statusCode()).as(text(committee)).isEqualTo(201);
        HttpResponse<byte[]> notice = send(post(base + "/api/v1/publicity-notices", notice(body(committee).path("id").asLong()), registrar));
        assertThat(notice.statusCode()).as(text(notice)).isEqualTo(201);
        noticeId = body(notice).path("id").asLong();
        HttpResponse<byte[]> objection = send(post(base + "/api/v1/publicity-notices/" + noticeId + "/objections", Map.of(
                "objectorName", "赵六", "contact", "objector@example.cn", "entryPosition", 1,
                "reason", "该同志申报材料中的论文与他人已发表论文高度雷同，请核查。"), null));
        assertThat(objection.statusCode()).as(text(objection)).isEqualTo(201);
    }

    /** Files a lost-certificate application, approves it and publishes the void notice now; the notice's number. */
    private String reissueAndPublish(String base, String number) throws Exception {
        HttpResponse<byte[]> filed = send(post(base + "/api/v1/reissue-applications", Map.of("certificateNumber", number, "reason", "LOST",
                "declaration", "本人不慎遗失职称证书一本，特此声明作废。"), issuer));
        assertThat(filed.statusCode()).as(text(filed)).isEqualTo(201);
        HttpResponse<byte[]> approved = send(post(base + "/api/v1/reissue-applications/" + body(filed).path("id").asLong() + "/approval",
                Map.of(), issuer));
        assertThat(approved.statusCode()).as(text(approved)).isEqualTo(200);
        HttpResponse<byte[]> published = send(post(base + "/api/v1/void-notices", Map.of(), issuer));
        assertThat(published.statusCode()).as(text(published)).isEqualTo(201);
        return body(published).path("noticeNumber").asText();
    }

    /**
     * Everything this test asks a service after the activity above, and what it answered: each certificate's record, its
     * verification by credential, token, number and code and the VC API, the grant and the faces, the status lists the
     * credentials and tokens name, the public registers, the void notices byte for byte, what issuers, registrars and the
     * holder read, and the audit check.
     */
    private Map<String, JsonNode> observe(String base) throws Exception {
        Map<String, JsonNode> seen = new TreeMap<>();
        Set<String> lists = new TreeSet<>();
        for (String number : numbers) {
            JsonNode record = seen(send(get(base + "/api/v1/certificates/" + number).header("Authorization", "Bearer " + issuer)));
            seen.put("certificate " + number, record);
            JsonNode certificate = record.path("body");
            JsonNode credential = certificate.path("credential");
            String token = certificate.path("token").asText();
            seen.put("verification of " + number + " by credential", verificationSeen(base, Map.of("credential", credential)));
            seen.put("verification of " + number + " by token", verificationSeen(base, Map.of("token", token)));
            seen.put("verification of " + number + " by number and code", verificationSeen(base, Map.of("certificateNumber", number,
                    "holderName", certificate.path("holderName").asText(), "verificationCode", certificate.path("verificationCode").asText())));
            seen.put("VC API verification of " + number, seen(send(post(base + "/credentials/verify", Map.of("verifiableCredential", credential),
                    null))));
            credential.path("credentialStatus").forEach(s -> lists.add(URI.create(s.path("statusListCredential").asText()).getPath()));
            lists.add(URI.create(payload(token).at("/status/status_list/uri").asText()).getPath());
        }
        for (String list : lists) {
            seen.put("status list " + list, statusList(send(get(base + list))));
        }
        seen.put("verification by grant", verificationSeen(base, Map.of("grant", grant)));
        seen.put("verification of the PDF face", seen(send(upload(base, "application/pdf", pdfFace))));
        seen.put("verification of the OFD face", seen(send(upload(base, "application/ofd", ofdFace))));
        for (String path : List.of("/api/v1/issuers", "/api/v1/issuers/" + AUTHORITY, "/issuers/" + AUTHORITY + "/did.json",
                "/.well-known/jwks.json", "/api/v1/issuers/" + AUTHORITY + "/document-certificates",
                "/api/v1/issuers/" + AUTHORITY + "/seal-certificates", "/api/v1/committees", "/api/v1/publicity-notices/" + noticeId,
                "/api/v1/qualification-documents", "/api/v1/void-notices", "/api/v1/working-day-calendar")) {
            seen.put("GET " + path, seen(send(get(base + path))));
        }
        for (String number : voidNotices) {
            HttpResponse<byte[]> notice = send(get(base + "/api/v1/void-notices/" + number));
            // byte for byte, as published
            seen.put("GET /api/v1/void-notices/" + number, json.valueToTree(new Seen(notice.statusCode(), TextNode.valueOf(text(notice)))));
        }
        seen.put("objections, as the registrar reads them", seen(send(get(base + "/api/v1/publicity-notices/" + noticeId + "/objections")
                .header("Authorization", "Bearer " + registrar))));
        seen.put("reissue applications, as the issuer reads them", seen(send(get(base + "/api/v1/reissue-applications")
                .header("Authorization", "Bearer " + issuer))));
        seen.put("the holder's certificates", seen(send(get(base + "/api/v1/me/certificates").header("Authorization", "Bearer " + holder))));
        seen.put("POST /api/v1/audit-checks", seen(send(post(base + "/api/v1/audit-checks", Map.of(), issuer))));
        return seen;
    }

    /** Keys whose answers differ, with both answers (shortened), in key order. */
    private static Map<String, String> differences(Map<String, JsonNode> expected, Map<String, JsonNode> actual) {
        Map<String, String> differing = new TreeMap<>();
        for (String key : new TreeSet<>(Stream.concat(expected.keySet().stream(), actual.keySet().stream()).toList())) {
            if (!Objects.equals(expected.get(key), actual.get(key))) {
                differing.put(key, "before " + shortened(expected.get(key)) + ", after " + shortened(actual.get(key)));
            }
        }
        return differing;
    }

    private static String shortened(JsonNode node) {
        String text = String.valueOf(node);
        return text.length() <= 300 ? text : text.substring(0, 300) + "…";
    }

    private JsonNode verificationSeen(String base, Map<String, ?> request) throws Exception {
        return seen(send(post(base + "/api/v1/verifications", request, null)));
    }

    private JsonNode verification(String base, Map<String, ?> request) throws Exception {
        return body(send(post(base + "/api/v1/verifications", request, null)));
    }

    /**
     * A status list as seen, less what is signed anew whenever a service builds it (the signatures are checked with OpenSSL
     * instead): a W3C list without {@code validFrom}, {@code proof.created} and {@code proof.proofValue}; a Token Status List
     * as its header and claims without {@code iat} and {@code exp}.
     */
    private JsonNode statusList(HttpResponse<byte[]> response) throws IOException {
        String served = text(response);
        JsonNode body;
        if (response.statusCode() != 200) {
            body = json.readTree(served);
        } else if (served.startsWith("{")) {
            ObjectNode list = (ObjectNode) json.readTree(served);
            list.remove("validFrom");
            ((ObjectNode) list.path("proof")).remove(List.of("created", "proofValue"));
            body = list;
        } else {
            ObjectNode claims = (ObjectNode) payload(served);
            claims.remove(List.of("iat", "exp"));
            body = json.createObjectNode().<ObjectNode>set("header", json.readTree(Base64.getUrlDecoder().decode(served.split("\\.")[0])))
                    .set("claims", claims);
        }
        return json.valueToTree(new Seen(response.statusCode(), body));
    }

    private JsonNode seen(HttpResponse<byte[]> response) throws IOException {
        String type = response.headers().firstValue("Content-Type").orElse("");
        JsonNode body = type.contains("json") ? json.readTree(response.body()) : TextNode.valueOf(text(response));
        if (body instanceof ObjectNode object) {
            object.remove(ANSWER_TIMES);
        }
        return json.valueToTree(new Seen(response.statusCode(), body));
    }

    /** Every status list path the restored certificates name (as {@link #observe} found them). */
    private List<String> statusListPaths() {
        return before.keySet().stream().filter(k -> k.startsWith("status list ")).map(k -> k.substring("status list ".length())).toList();
    }

    private static String statusListPathOf(JsonNode credential) {
        for (JsonNode status : credential.path("credentialStatus")) {
            if ("revocation".equals(status.path("statusPurpose").asText())) {
                return URI.create(status.path("statusListCredential").asText()).getPath();
            }
        }
        throw new AssertionError("no revocation status in " + credential);
    }

    private static String slot(JsonNode certificate) {
        JsonNode status = certificate.path("credential").path("credentialStatus").path(0);
        return status.path("statusListCredential").asText() + "#" + status.path("statusListIndex").asText();
    }

    private static Set<String> slotsOf(Map<String, JsonNode> seen) {
        return seen.entrySet().stream().filter(e -> e.getKey().startsWith("certificate ")).map(e -> slot(e.getValue().path("body")))
                .collect(Collectors.toSet());
    }

    private String tokenOf(String number) {
        return before.get("certificate " + number).path("body").path("token").asText();
    }

    private JsonNode payload(String jws) throws IOException {
        return json.readTree(Base64.getUrlDecoder().decode(jws.split("\\.")[1]));
    }

    private byte[] face(String base, String number, String type) throws Exception {
        HttpResponse<byte[]> face = send(get(base + "/api/v1/me/certificates/" + number + "/document").header("Accept", type)
                .header("Authorization", "Bearer " + holder));
        assertThat(face.statusCode()).as("%s face: %s", type, face.statusCode() == 200 ? "" : text(face)).isEqualTo(200);
        return face.body();
    }

    private HttpRequest.Builder upload(String base, String type, byte[] face) {
        return HttpRequest.newBuilder(URI.create(base + "/api/v1/verifications")).timeout(Duration.ofSeconds(30)).header("Content-Type", type)
                .POST(HttpRequest.BodyPublishers.ofByteArray(face));
    }

    private Map<String, Object> person(String name, String idNumber) {
        Map<String, Object> body = Requests.engineer();
        body.put("holderName", name);
        body.put("holderIdNumber", idNumber);
        return body;
    }

    private static Map<String, Object> committee() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", "备份演练省工程系列高级职称评审委员会");
        body.put("code", "BK-GC-01");
        body.put("level", "SENIOR");
        body.put("series", "工程");
        body.put("specialtyScope", "建筑设计、结构");
        body.put("managingDepartment", "备份演练省住房和城乡建设厅");
        body.put("approvingAuthority", AUTHORITY_NAME);
        body.put("region", REGION);
        body.put("contactPhone", "0931-8123456");
        body.put("contactAddress", "备份演练省示范市人民路1号");
        body.put("filingNumber", "备职改备〔2026〕1号");
        body.put("status", "ACTIVE");
        body.put("establishedOn", "2018-09-01");
        return body;
    }

    /** A notice of three candidates, published from a minute ago for five working days. */
    private static Map<String, Object> notice(long committee) {
        OffsetDateTime start = OffsetDateTime.now(ZoneOffset.ofHours(8)).minusMinutes(1).withNano(0);
        LocalDate vote = start.toLocalDate();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("committeeId", committee);
        body.put("title", "备份演练省工程系列高级职称评审结果公示");
        body.put("voteDate", vote.toString());
        body.put("startsAt", start.toString());
        body.put("workingDays", 5);
        body.put("contactPhone", "0931-8123456");
        body.put("contactAddress", "备份演练省示范市人民路1号 职改办");
        List<Map<String, Object>> candidates = new ArrayList<>();
        for (String name : List.of("王甲", "王乙", "王丙")) {
            candidates.add(Map.of("name", name, "holderIdNumber", IdCards.next(), "workUnit", "备份演练省建筑设计研究院", "series", "工程",
                    "specialty", "建筑设计", "qualificationName", "高级工程师", "level", "DEPUTY_SENIOR", "promotionType", "NORMAL"));
        }
        body.put("candidates", candidates);
        return body;
    }

    private static List<String> certificateNumbers(String jdbcUrl) throws Exception {
        try (Connection c = DriverManager.getConnection(jdbcUrl, "postgres", "postgres"); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT number FROM certificate ORDER BY id")) {
            List<String> found = new ArrayList<>();
            while (rs.next()) {
                found.add(rs.getString(1));
            }
            return found;
        }
    }

    private static List<String> databases(String jdbcUrl) throws Exception {
        try (Connection c = DriverManager.getConnection(jdbcUrl, "postgres", "postgres"); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT datname FROM pg_database ORDER BY datname")) {
            List<String> found = new ArrayList<>();
            while (rs.next()) {
                found.add(rs.getString(1));
            }
            return found;
        }
    }

    private static String firstPreviousHashAfter(String jdbcUrl, long entryId) throws Exception {
        try (Connection c = DriverManager.getConnection(jdbcUrl, "postgres", "postgres"); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT previous_hash FROM audit_entry WHERE id > " + entryId + " ORDER BY id LIMIT 1")) {
            assertThat(rs.next()).as("an audit entry after %d", entryId).isTrue();
            return rs.getString(1);
        }
    }

    private static String keyFiles(Path keys) throws IOException {
        try (Stream<Path> files = Files.walk(keys)) {
            return files.filter(Files::isRegularFile).map(f -> keys.relativize(f).toString()).sorted().collect(Collectors.joining(", "));
        }
    }

    private static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path file : files.toList()) {
                Path target = to.resolve(from.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(file, target);
                }
            }
        }
    }

    private static void delete(Path folder) throws IOException {
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(file);
            }
        }
    }

    private HttpRequest.Builder get(String url) {
        return HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30)).GET();
    }

    private HttpRequest.Builder post(String url, Object body, String token) throws IOException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(60))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofByteArray(json.writeValueAsBytes(body)));
        return token == null ? request : request.header("Authorization", "Bearer " + token);
    }

    private HttpResponse<byte[]> send(HttpRequest.Builder request) throws Exception {
        return http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private JsonNode body(HttpResponse<byte[]> response) throws IOException {
        return json.readTree(response.body());
    }

    private static String text(HttpResponse<byte[]> response) {
        return new String(response.body(), StandardCharsets.UTF_8);
    }
}
