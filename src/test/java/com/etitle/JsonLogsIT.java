package com.etitle;

import static com.etitle.support.RunnerJar.freePort;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.etitle.support.IdCards;
import com.etitle.support.JarOnPostgres;
import com.etitle.support.JarOnPostgres.Replica;
import com.etitle.support.JsonLog;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * The packaged jar run as production runs it (a database URL set) logs one JSON object per console line, a log
 * collector's input; every line written during a request carries the id the client got back in {@code X-Request-Id},
 * so a problem answer's {@code requestId} finds its lines; and no personal value a client sent, good or bad, is in
 * the output. Our classes log at DEBUG here, as an operator looking into a problem would set them, so that every
 * problem answer has its line and every line that could leak is written.
 */
class JsonLogsIT {

    private static final String AUTHORITY = "LOGS";
    private static final String REQUEST_ID = "X-Request-Id";

    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();
    /** Every X-Request-Id the service answered, in order. */
    private final Set<String> answeredIds = new LinkedHashSet<>();
    private EmbeddedPostgres postgres;
    private Replica service;

    @TempDir
    Path work;

    @AfterEach
    void stopAll() throws Exception {
        if (service != null) {
            service.stop();
        }
        if (postgres != null) {
            postgres.close();
        }
    }

    @Test
    void production_logs_json_lines_that_carry_the_request_id_and_nothing_personal() throws Exception {
        int pgPort = freePort();
        postgres = JarOnPostgres.startPostgres(work.resolve("postgres"), pgPort, work.resolve("postgres.log"));
        String bearer = JarOnPostgres.devToken(work, "issuer", AUTHORITY);
        service = JarOnPostgres.start(work, pgPort, AUTHORITY, "日志演练省人力资源和社会保障厅", "日志演练省", work.resolve("service.log"),
                "-Dquarkus.log.category.\"com.etitle\".level=DEBUG");
        String idNumber = IdCards.next();
        String badIdNumber = idNumber.substring(0, 17) + (idNumber.charAt(17) == '1' ? "2" : "1");
        String phone = "13912345678";

        HttpResponse<String> issued = send(post("/api/v1/certificates", issueBody(idNumber), bearer));
        assertThat(issued.statusCode()).as(issued.body()).isEqualTo(201);
        JsonNode certificate = json.readTree(issued.body());
        String number = certificate.path("number").asText();
        String code = certificate.path("verificationCode").asText();
        String token = certificate.path("token").asText();
        String wrongCode = (code.charAt(0) == 'A' ? "B" : "A") + code.substring(1);
        String tamperedToken = token.substring(0, token.length() - 4) + "AAAA";
        List<String> personal = List.of(idNumber, badIdNumber, phone, code, wrongCode, token, tamperedToken, bearer);

        HttpResponse<String> refusedIdNumber = send(post("/api/v1/certificates", issueBody(badIdNumber), bearer));
        assertThat(refusedIdNumber.statusCode()).as(refusedIdNumber.body()).isEqualTo(422);
        assertThat(verify(Map.of("certificateNumber", number, "holderName", "赵六", "verificationCode", code))).contains("\"VALID\"");
        assertThat(verify(Map.of("certificateNumber", number, "holderName", "赵六", "verificationCode", wrongCode))).contains("\"NO_MATCH\"");
        assertThat(verify(Map.of("token", token))).contains("\"VALID\"");
        verify(Map.of("token", tamperedToken));
        HttpResponse<String> unknownMember = send(post("/api/v1/verifications", json.writeValueAsString(Map.of("phone", phone)), null));
        assertThat(unknownMember.statusCode()).isEqualTo(400);
        HttpResponse<String> objection = send(post("/api/v1/publicity-notices/987654321/objections", json.writeValueAsString(Map.of(
                "objectorName", "李四", "contact", phone, "entryPosition", 1, "reason", "身份证号 " + idNumber + " 的申报材料不实")), null));
        assertThat(objection.statusCode()).isEqualTo(404);
        HttpResponse<String> badBearer = send(HttpRequest.newBuilder(uri("/api/v1/certificates/" + number))
                .header("Authorization", "Bearer " + bearer + "x").GET().build());
        assertThat(badBearer.statusCode()).isEqualTo(401);
        // personal values where a request id goes are not taken as one
        HttpResponse<String> idAsRequestId = send(HttpRequest.newBuilder(uri("/api/v1/issuers/NO-SUCH")).header(REQUEST_ID, idNumber).GET().build());
        HttpResponse<String> phoneAsRequestId = send(HttpRequest.newBuilder(uri("/api/v1/issuers/NO-SUCH")).header(REQUEST_ID, phone).GET().build());
        assertThat(List.of(requestId(idAsRequestId), requestId(phoneAsRequestId))).doesNotContain(idNumber, phone);
        // the ingress's id (nginx's $request_id: 32 hexadecimal digits) is kept
        String ingressId = "4bf92f3577b34da6a3ce929d0e0e4736";
        HttpResponse<String> notFound = send(HttpRequest.newBuilder(uri("/api/v1/issuers/NO-SUCH")).header(REQUEST_ID, ingressId).GET().build());
        assertThat(requestId(notFound)).isEqualTo(ingressId);
        // refused on the event loop before its body is read
        HttpResponse<String> tooLarge = send(post("/api/v1/verifications", "{\"x\":\"" + "a".repeat(70_000) + "\"}", null));
        assertThat(tooLarge.statusCode()).isEqualTo(413);
        // a request that logs at INFO, the production level
        HttpResponse<String> auditCheck = send(post("/api/v1/audit-checks", "", bearer));
        assertThat(auditCheck.statusCode()).as(auditCheck.body()).isEqualTo(200);
        service.stop();

        String output = service.output();
        List<JsonLog.Line> lines = JsonLog.parse(output);
        System.out.printf("a production replica wrote %d JSON lines, %d of them during %d requests%n", lines.size(),
                lines.stream().filter(line -> line.requestId() != null).count(), answeredIds.size());
        assertThat(lines).as("lines").isNotEmpty();
        assertThat(lines.stream().map(JsonLog.Line::requestId).filter(Objects::nonNull).collect(Collectors.toSet()))
                .as("every request id in the log is one a client got back").isSubsetOf(answeredIds);
        assertThat(problemLine(lines, refusedIdNumber)).contains("Answered 422 /problems/validation-failed");
        assertThat(problemLine(lines, unknownMember)).contains("Answered 400 /problems/malformed-request");
        assertThat(problemLine(lines, objection)).contains("Answered 404 /problems/not-found");
        assertThat(problemLine(lines, badBearer)).contains("Answered 401 /problems/unauthenticated");
        assertThat(problemLine(lines, notFound)).contains("Answered 404 /problems/not-found");
        assertThat(linesOf(lines, tooLarge)).singleElement().satisfies(line -> {
            assertThat(line.message()).isEqualTo("Answered 413 /problems/payload-too-large");
            assertThat(line.thread()).contains("eventloop");
        });
        assertThat(linesOf(lines, auditCheck)).anySatisfy(line -> {
            assertThat(line.level()).isEqualTo("INFO");
            assertThat(line.message()).startsWith("Audit chain intact");
        });
        for (String value : personal) {
            assertThat(output).as("the output holds a personal value a client sent").doesNotContain(value);
        }
    }

    @Test
    void a_replica_that_cannot_reach_its_database_at_start_says_why_in_json_lines_too() throws Exception {
        JarOnPostgres.devToken(work, "issuer", AUTHORITY);
        // no PostgreSQL listens on this port: the connection is refused, and the failure is an exception with causes
        service = JarOnPostgres.launch(work, freePort(), AUTHORITY, "日志演练省人力资源和社会保障厅", "日志演练省", work.resolve("service.log"));

        assertThat(service.process().waitFor(120, TimeUnit.SECONDS)).as("the replica gives up").isTrue();
        assertThat(service.process().exitValue()).isNotZero();
        assertThat(JsonLog.parse(service.output())).anySatisfy(line -> {
            assertThat(line.level()).isEqualTo("ERROR");
            assertThat(line.message()).isEqualTo("Failed to start application");
            assertThat(line.json().path("exception").isObject()).as("the exception as JSON").isTrue();
            assertThat(line.text()).as("the cause named").contains("org.postgresql.util.PSQLException");
        });
    }

    /** The message of the one line that says which problem answered {@code answer}, found by the answer's requestId. */
    private String problemLine(List<JsonLog.Line> lines, HttpResponse<String> answer) throws Exception {
        String requestId = json.readTree(answer.body()).path("requestId").asText();
        assertThat(requestId).as("requestId of %s", answer.body()).isEqualTo(requestId(answer));
        List<String> answered = linesOf(lines, answer).stream().map(JsonLog.Line::message).filter(m -> m.startsWith("Answered ")).toList();
        assertThat(answered).as("the problem answer's line of request %s", requestId).hasSize(1);
        return answered.get(0);
    }

    private static List<JsonLog.Line> linesOf(List<JsonLog.Line> lines, HttpResponse<String> answer) {
        String id = requestId(answer);
        return lines.stream().filter(line -> id.equals(line.requestId())).toList();
    }

    private static String requestId(HttpResponse<String> answer) {
        return answer.headers().firstValue(REQUEST_ID).orElseThrow(() -> new AssertionError("no " + REQUEST_ID + " on " + answer.uri()));
    }

    private String verify(Map<String, Object> body) throws Exception {
        HttpResponse<String> answer = send(post("/api/v1/verifications", json.writeValueAsString(body), null));
        assertThat(answer.statusCode()).as(answer.body()).isLessThan(500);
        return answer.body();
    }

    private HttpResponse<String> send(HttpRequest request) throws Exception {
        HttpResponse<String> answer = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        answeredIds.add(requestId(answer));
        return answer;
    }

    private HttpRequest post(String path, String body, String bearer) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (bearer != null) {
            request.header("Authorization", "Bearer " + bearer);
        }
        return request.build();
    }

    private URI uri(String path) {
        return URI.create(service.base() + path);
    }

    private static String issueBody(String idNumber) {
        return """
                {"holderName":"赵六","holderIdNumber":"%s","workUnit":"示范省水利设计院","series":"工程",
                 "specialty":"水利工程","level":"INTERMEDIATE","qualificationName":"工程师","effectiveScope":"PROVINCE_WIDE",
                 "acquisitionRoute":"EXAM","promotionType":"NORMAL","approvalDocumentNumber":"示人社职〔2026〕3号",
                 "qualificationDate":"2026-05-20"}""".formatted(idNumber);
    }
}
