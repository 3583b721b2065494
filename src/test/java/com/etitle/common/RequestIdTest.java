package com.etitle.common;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Pattern;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.etitle.support.IdCards;
import com.etitle.support.Problems;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;

/**
 * Every request has an id: the caller's {@code X-Request-Id} when it has the shape of a generated id, a new UUID
 * otherwise. It comes back in {@code X-Request-Id} and in a problem's {@code requestId}, and the lines the service
 * logs for the request carry it, whether the event loop or a worker thread wrote them. Log lines are read from the
 * test profile's log file ({@code target/etitle-test.log}, text, our classes at DEBUG).
 */
@QuarkusTest
class RequestIdTest {

    private static final Path LOG_FILE = Path.of("target/etitle-test.log");
    private static final Pattern UUID = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");
    private static final Pattern RECORD = Pattern.compile("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d,\\d{3} ");
    private static final String NUMBER_FORM = "{\"certificateNumber\":\"20260000000000000\",\"holderName\":\"张三\",\"verificationCode\":\"ABCDEFGH\"}";

    @Test
    void a_request_without_an_id_gets_a_new_one_back_and_no_two_are_alike() {
        Response first = given().contentType(ContentType.JSON).body(NUMBER_FORM).when().post("/api/v1/verifications");
        Response second = given().contentType(ContentType.JSON).body(NUMBER_FORM).when().post("/api/v1/verifications");

        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(first.header(RequestIds.HEADER)).matches(UUID);
        assertThat(second.header(RequestIds.HEADER)).matches(UUID).isNotEqualTo(first.header(RequestIds.HEADER));
        assertThat(given().when().get("/q/health/live").header(RequestIds.HEADER)).as("Quarkus' own endpoints too").matches(UUID);
    }

    @ParameterizedTest
    @ValueSource(strings = {"0f8fad5b-d9cb-469f-a165-70867728950e", "4bf92f3577b34da6a3ce929d0e0e4736", "ABCDEF0123456789"})
    void an_id_in_the_shape_of_a_generated_one_is_kept(String sent) {
        Response answer = given().header(RequestIds.HEADER, sent).when().get("/api/v1/issuers/NO-SUCH");

        JsonPath problem = Problems.assertProblem(answer, 404, "/problems/not-found");
        assertThat(answer.header(RequestIds.HEADER)).isEqualTo(sent);
        assertThat(problem.getString("requestId")).isEqualTo(sent);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "",
            "abc123",
            "4bf92f3577b34da6a3ce929d0e0e4736" + "4bf92f3577b34da6a3ce929d0e0e47360",
            "4bf92f35 77b34da6a3ce929d",
            "4bf92f35\t77b34da6a3ce929d",
            "110105198003121238",
            "11010519800312123X",
            "13800138000",
            "6222020200112233445",
            "ABCD2345",
            "MFRGGZDFMZTWQ2LKNNWG23TPOBYXE4TT",
            "eyJhbGciOiJFZERTQSJ9.eyJzdWIiOiIyMDI2In0.c2lnbmF0dXJl",
            "../../../../etc/passwd",
            "<script>alert(1)</script>"})
    void any_other_id_is_replaced_by_a_new_one_so_nothing_a_caller_chose_reaches_the_log(String sent) {
        Response answer = given().header(RequestIds.HEADER, sent).when().get("/api/v1/issuers/NO-SUCH");

        JsonPath problem = Problems.assertProblem(answer, 404, "/problems/not-found");
        assertThat(answer.header(RequestIds.HEADER)).matches(UUID);
        assertThat(problem.getString("requestId")).isEqualTo(answer.header(RequestIds.HEADER));
    }

    @Test
    void an_id_sent_twice_is_replaced_as_it_is_ambiguous() {
        Response answer = given().header(RequestIds.HEADER, "0f8fad5b-d9cb-469f-a165-70867728950e")
                .header(RequestIds.HEADER, "4bf92f3577b34da6a3ce929d0e0e4736").when().get("/api/v1/issuers/NO-SUCH");

        assertThat(answer.header(RequestIds.HEADER)).matches(UUID);
    }

    @Test
    void a_line_logged_on_a_worker_thread_during_a_request_carries_its_id_and_so_does_the_500s_problem() throws IOException {
        String marker = "worker-" + System.nanoTime();
        Response answer = given().contentType(ContentType.JSON).body(Map.of("value", "v")).when().post("/test-only/log-probe/{v}", marker);

        JsonPath problem = Problems.assertProblem(answer, 500, "/problems/internal-error");
        String id = answer.header(RequestIds.HEADER);
        assertThat(problem.getString("requestId")).isEqualTo(id);
        List<String> lines = linesWith(marker);
        // the probe's two lines and the mapper's ERROR with the stack trace
        assertThat(lines).hasSizeGreaterThanOrEqualTo(3).allSatisfy(line -> assertThat(line).contains("[" + id + "]"));
        assertThat(lines).anySatisfy(line -> assertThat(line).contains("(executor-thread-", "probe formatted path " + marker));
        assertThat(lines).anySatisfy(line -> assertThat(line).contains(" ERROR ", "Unhandled error on /test-only/log-probe/" + marker));
        assertThat(linesWith("[" + id + "] Answered 500 /problems/internal-error")).as("the problem answer's line").hasSize(1);
    }

    @Test
    void a_line_logged_on_the_event_loop_during_a_request_carries_its_id() throws IOException {
        // refused by BodyLimit on the event loop, before JAX-RS and before any of the body is read
        Response answer = given().contentType(ContentType.JSON).body("{\"x\":\"" + "a".repeat(70_000) + "\"}")
                .when().post("/api/v1/verifications");

        JsonPath problem = Problems.assertProblem(answer, 413, "/problems/payload-too-large");
        String id = answer.header(RequestIds.HEADER);
        assertThat(problem.getString("requestId")).isEqualTo(id);
        assertThat(linesWith("[" + id + "] Answered 413 /problems/payload-too-large")).singleElement()
                .satisfies(line -> assertThat(line).contains("(vert.x-eventloop-thread-"));
    }

    @Test
    void requests_answered_at_the_same_time_each_log_under_their_own_id() throws Exception {
        ExecutorService callers = Executors.newFixedThreadPool(8);
        try {
            String run = "concurrent-" + System.nanoTime() + "-";
            List<Future<Response>> answers = IntStream.range(0, 24).mapToObj(i -> callers.submit(() -> given().contentType(ContentType.JSON)
                    .body(Map.of("value", "v")).when().post("/test-only/log-probe/{v}", run + i))).toList();
            for (int i = 0; i < answers.size(); i++) {
                String id = answers.get(i).get().header(RequestIds.HEADER);
                String marker = "probe formatted path " + run + i + " ";
                assertThat(linesWith(marker)).as("request %d", i).singleElement().satisfies(line -> assertThat(line).contains("[" + id + "]"));
            }
        } finally {
            callers.shutdownNow();
        }
    }

    @Test
    void a_page_on_another_origin_can_read_the_id_and_a_preflight_has_one_too() {
        Response answer = given().header("Origin", "https://employer.example").contentType(ContentType.JSON).body(NUMBER_FORM)
                .when().post("/api/v1/verifications");
        Response preflight = given().header("Origin", "https://employer.example").header("Access-Control-Request-Method", "POST")
                .when().options("/api/v1/verifications");

        assertThat(answer.header("Access-Control-Expose-Headers")).contains(RequestIds.HEADER);
        assertThat(preflight.statusCode()).isEqualTo(204);
        assertThat(preflight.header(RequestIds.HEADER)).as("set before CrossOriginFilter answers the preflight").matches(UUID);
    }

    @Test
    void a_refusal_with_personal_data_in_the_body_logs_its_id_and_none_of_the_data() throws IOException {
        String idNumber = IdCards.next();
        Response answer = given().contentType(ContentType.JSON)
                .body(Map.of("certificateNumber", idNumber, "holderName", "张三", "verificationCode", "ABCD2345", "phone", "13800138000"))
                .when().post("/api/v1/verifications");

        assertThat(answer.statusCode()).isEqualTo(400);
        String id = answer.header(RequestIds.HEADER);
        assertThat(answer.jsonPath().getString("requestId")).isEqualTo(id);
        List<String> lines = linesWith("[" + id + "]");
        assertThat(lines).as("the problem answer's line").anySatisfy(line -> assertThat(line).contains("Answered 400 /problems/"));
        assertThat(String.join("\n", lines)).doesNotContain(idNumber, "ABCD2345", "13800138000");
    }

    /** The log records (their first lines: a stack trace's further lines are not records) that contain {@code text}. */
    private static List<String> linesWith(String text) throws IOException {
        return Files.readAllLines(LOG_FILE, StandardCharsets.UTF_8).stream()
                .filter(line -> RECORD.matcher(line).lookingAt() && line.contains(text)).toList();
    }
}
