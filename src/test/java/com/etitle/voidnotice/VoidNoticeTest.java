package com.etitle.voidnotice;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import com.etitle.support.Api;
import com.etitle.support.Database;
import com.etitle.support.OpenSsl;
import com.etitle.support.Problems;
import com.etitle.support.Requests;
import com.etitle.support.Tokens;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;

/**
 * Void notices on the portal. Seed 001 §七(三): 遗失证书作废声明由州人社局或省职改办定期在门户网站公布 — the authority
 * publishes the void declarations of replaced certificates on its portal, periodically.
 */
@QuarkusTest
class VoidNoticeTest {

    private static final String PATH = "/api/v1/void-notices";
    private static final String ID_NUMBER = "110105198003121238";
    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    VoidNoticeSchedule schedule;

    @TempDir
    Path dir;

    @BeforeAll
    static void openssl_3_is_on_the_path() {
        OpenSsl.assertVersion3();
    }

    // --- publishing

    @Test
    void publishing_on_demand_makes_a_notice_of_the_queued_declarations_seed_001_section_7_3() {
        JsonPath approved = Api.issueAndReplace("TEST-A", Requests.with("holderName", "张小三"));
        String old = approved.getString("certificateNumber");

        Response response = publish("TEST-A");

        response.then().statusCode(201).header("Cache-Control", "no-store");
        JsonPath notice = new JsonPath(response.asString());
        String number = notice.getString("noticeNumber");
        assertThat(number).matches("TEST-A-VOID-" + LocalDate.now(ZoneId.of("Asia/Shanghai")).getYear() + "-[0-9]{3,}");
        assertThat(response.header("Location")).endsWith(PATH + "/" + number);
        assertThat(notice.getString("id")).isEqualTo("http://localhost:8081" + PATH + "/" + number);
        assertThat(notice.getString("type")).isEqualTo("VoidNotice");
        assertThat(Instant.parse(notice.getString("publishedAt"))).isBetween(Instant.now().minusSeconds(60), Instant.now());
        assertThat(notice.getString("authority.code")).isEqualTo("TEST-A");
        assertThat(notice.getString("authority.name")).isEqualTo("测试省人力资源和社会保障厅");
        assertThat(notice.getString("authority.id")).isEqualTo("did:web:localhost%3A8081:issuers:TEST-A");
        assertThat(notice.getList("@context")).containsExactly("https://w3id.org/security/data-integrity/v2",
                "http://localhost:8081/ns/void-notice/v1");
        Map<String, Object> entry = notice.getMap("entries.find { it.certificateNumber == '" + old + "' }");
        assertThat(entry).containsExactlyInAnyOrderEntriesOf(Map.of("certificateNumber", old, "holderName", "张*三",
                "qualificationName", "高级工程师", "reason", "LOST", "voidDate", LocalDate.now(ZoneId.of("Asia/Shanghai")).toString()));
        assertThat(notice.getString("proof.verificationMethod")).startsWith("did:web:localhost%3A8081:issuers:TEST-A#TEST-A-k");
    }

    @Test
    void a_notice_shows_the_masked_name_and_never_the_full_name_the_id_number_or_the_replacements_number() {
        JsonPath approved = Api.issueAndReplace("TEST-A", Requests.with("holderName", "欧阳小明"));

        String document = publish("TEST-A").then().statusCode(201).extract().asString();

        assertThat(document).contains("欧**明")
                .doesNotContain("欧阳小明", ID_NUMBER, "1101**********1238", "holderIdNumber", approved.getString("newCertificateNumber"));
    }

    @Test
    void with_nothing_queued_publishing_makes_no_notice_and_answers_204() {
        publish("TEST-A");
        long notices = Database.count("SELECT count(*) FROM void_notice");

        publish("TEST-A").then().statusCode(204);

        assertThat(Database.count("SELECT count(*) FROM void_notice")).isEqualTo(notices);
    }

    @Test
    void a_declaration_is_published_once_and_only_by_its_own_authority() {
        String ofA = Api.issueAndReplace("TEST-A", Requests.engineer()).getString("certificateNumber");
        String ofB = Api.issueAndReplace("TEST-B", Requests.engineer()).getString("certificateNumber");

        String document = publish("TEST-A").then().statusCode(201).extract().asString();

        assertThat(document).contains(ofA).doesNotContain(ofB);
        assertThat(noticeOf(ofA)).isNotNull();
        assertThat(noticeOf(ofB)).isNull();
        publish("TEST-A").then().statusCode(204);
        assertThat(Database.count("SELECT count(*) FROM void_notice WHERE document LIKE '%" + ofA + "%'")).isEqualTo(1);
    }

    @Test
    void four_publications_at_the_same_moment_put_a_declaration_in_exactly_one_notice() throws Exception {
        String ofA = Api.issueAndReplace("TEST-A", Requests.engineer()).getString("certificateNumber");
        String token = Tokens.issuer("TEST-A");
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Integer> statuses = new ArrayList<>();
        try {
            List<Future<Integer>> answers = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                answers.add(pool.submit(() -> {
                    start.await();
                    return given().auth().oauth2(token).post(PATH).statusCode();
                }));
            }
            start.countDown();
            for (Future<Integer> answer : answers) {
                statuses.add(answer.get());
            }
        } finally {
            pool.shutdownNow();
        }

        assertThat(statuses).containsOnly(201, 204).contains(201);
        assertThat(Database.count("SELECT count(*) FROM void_notice WHERE document LIKE '%" + ofA + "%'")).isEqualTo(1);
    }

    @Test
    void publishing_needs_a_token_401_and_the_issuer_role_403() {
        Problems.assertProblem(given().post(PATH), 401, "/problems/unauthenticated");
        Problems.assertProblem(given().auth().oauth2(Tokens.withRole("holder", "TEST-A")).post(PATH), 403, "/problems/forbidden");
    }

    // --- reading, for anyone

    @Test
    void the_list_is_public_newest_first_and_paged() {
        List<String> numbers = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            Api.issueAndReplace("TEST-A", Requests.engineer());
            numbers.add(publish("TEST-A").then().statusCode(201).extract().path("noticeNumber"));
        }

        Response first = given().queryParam("page", 0).queryParam("size", 2).get(PATH);
        Response second = given().queryParam("page", 1).queryParam("size", 2).get(PATH);

        first.then().statusCode(200).header("Cache-Control", "public, max-age=300");
        assertThat(first.jsonPath().getList("items.noticeNumber", String.class)).containsExactly(numbers.get(2), numbers.get(1));
        assertThat(first.jsonPath().getInt("page")).isZero();
        assertThat(first.jsonPath().getInt("size")).isEqualTo(2);
        assertThat(first.jsonPath().getLong("total")).isEqualTo(Database.count("SELECT count(*) FROM void_notice"));
        assertThat(second.jsonPath().getString("items[0].noticeNumber")).isEqualTo(numbers.get(0));
        assertThat(first.jsonPath().getString("items[0].entries[0].holderName")).isEqualTo("张*");
        assertThat(first.jsonPath().getString("items[0].proof.proofValue")).startsWith("z");
    }

    @Test
    void a_page_of_100_notices_may_be_asked_for() {
        given().queryParam("size", 100).get(PATH).then().statusCode(200);
    }

    @ParameterizedTest(name = "page {0}, size {1}: {2} is named")
    @CsvSource({"0, 101, size", "0, 0, size", "-1, 20, page"})
    void a_page_size_outside_1_to_100_or_a_negative_page_is_a_400_naming_it(int page, int size, String named) {
        Response response = given().queryParam("page", page).queryParam("size", size).get(PATH);

        JsonPath problem = Problems.assertProblem(response, 400, "/problems/invalid-query");
        assertThat(problem.getList("invalid-params.name", String.class)).containsExactly(named);
    }

    @Test
    void a_notice_is_served_byte_for_byte_as_stored_and_an_unknown_number_is_a_404() {
        Api.issueAndReplace("TEST-A", Requests.engineer());
        String number = publish("TEST-A").then().statusCode(201).extract().path("noticeNumber");

        Response response = given().get(PATH + "/{number}", number);

        response.then().statusCode(200).header("Cache-Control", "public, max-age=300");
        assertThat(Problems.mediaType(response)).isEqualTo("application/json");
        assertThat(response.asString()).isEqualTo(Database.string("SELECT document FROM void_notice WHERE notice_number = '" + number + "'"));
        Problems.assertProblem(given().get(PATH + "/{number}", "TEST-A-VOID-1999-001"), 404, "/problems/not-found");
    }

    // --- a published notice is signed and never changes

    @Test
    void a_published_notice_verifies_with_openssl_and_the_key_from_the_jwks() {
        String document = publishedDocument();

        assertThat(opensslVerdict(document)).isEqualTo(OpenSsl.Verdict.VERIFIED);
    }

    @Test
    void openssl_rejects_a_published_notice_with_one_byte_changed() {
        String document = publishedDocument();
        String number = new JsonPath(document).getString("entries[0].certificateNumber");
        char last = number.charAt(number.length() - 1);
        String changed = document.replace(number, number.substring(0, number.length() - 1) + (char) (last == '9' ? '0' : last + 1));
        assertThat(changed).hasSameSizeAs(document).isNotEqualTo(document);

        assertThat(opensslVerdict(changed)).isEqualTo(OpenSsl.Verdict.REJECTED);
    }

    @Test
    void the_stored_notice_cannot_be_updated_or_deleted() {
        String number = new JsonPath(publishedDocument()).getString("noticeNumber");

        assertThatThrownBy(() -> Database.update("UPDATE void_notice SET document = replace(document, '张*', '李*') WHERE notice_number = '"
                + number + "'")).isInstanceOf(SQLException.class).hasMessageContaining("a published void notice never changes");
        assertThatThrownBy(() -> Database.update("DELETE FROM void_notice WHERE notice_number = '" + number + "'"))
                .isInstanceOf(SQLException.class).hasMessageContaining("a published void notice never changes");
        assertThat(given().get(PATH + "/{number}", number).asString()).contains("张*");
    }

    // --- the periodic job

    @Test
    void the_job_publishes_for_every_authority_whose_oldest_declaration_has_waited_one_period() {
        String ofA = Api.issueAndReplace("TEST-A", Requests.engineer()).getString("certificateNumber");
        String ofB = Api.issueAndReplace("TEST-B", Requests.engineer()).getString("certificateNumber");

        int published = schedule.publishDue(Instant.now().plus(Duration.ofDays(7)).plusSeconds(60));

        assertThat(published).isGreaterThanOrEqualTo(2);
        assertThat(Database.string("SELECT notice_number FROM void_notice WHERE id = " + noticeOf(ofA))).startsWith("TEST-A-VOID-");
        assertThat(Database.string("SELECT notice_number FROM void_notice WHERE id = " + noticeOf(ofB))).startsWith("TEST-B-VOID-");
        assertThat(Database.count("SELECT count(*) FROM audit_entry WHERE action = 'void-notice.published' AND actor = '"
                + VoidNoticeSchedule.ACTOR + "'")).isGreaterThanOrEqualTo(2);
    }

    @Test
    void the_job_leaves_declarations_queued_until_they_have_waited_one_period() {
        publish("TEST-A");
        String ofA = Api.issueAndReplace("TEST-A", Requests.engineer()).getString("certificateNumber");

        schedule.publishDue(Instant.now());

        assertThat(noticeOf(ofA)).isNull();
    }

    // --- helpers

    private static Response publish(String authority) {
        return given().auth().oauth2(Tokens.issuer(authority)).post(PATH);
    }

    /** A notice of TEST-A with one entry, as the portal serves it. */
    private static String publishedDocument() {
        Api.issueAndReplace("TEST-A", Requests.engineer());
        String number = publish("TEST-A").then().statusCode(201).extract().path("noticeNumber");
        return given().get(PATH + "/{number}", number).then().statusCode(200).extract().asString();
    }

    private OpenSsl.Verdict opensslVerdict(String document) {
        return new OpenSsl(dir).verifyWithPublishedKey(readObject(document));
    }

    /** The notice a voided certificate's declaration went into; null while it is queued. */
    private static String noticeOf(String certificateNumber) {
        return Database.string("SELECT d.notice_id FROM void_declaration d JOIN certificate c ON c.id = d.certificate_id WHERE c.number = '"
                + certificateNumber + "'");
    }

    private static ObjectNode readObject(String json) {
        try {
            return (ObjectNode) JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
