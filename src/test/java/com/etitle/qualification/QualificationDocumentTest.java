package com.etitle.qualification;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.etitle.support.Committees;
import com.etitle.support.Database;
import com.etitle.support.Problems;
import com.etitle.support.Publicity;
import com.etitle.support.TestClock;
import com.etitle.support.Tokens;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;

@QuarkusTest
class QualificationDocumentTest {

    /** Sunday after the five working days of {@link Publicity#MONDAY}. */
    private static final String SUNDAY = "2026-03-08";

    @Inject
    TestClock clock;

    long committee;
    long notice;
    List<Long> entries;
    List<String> idNumbers;
    String holderName;

    @BeforeEach
    void aNoticeOfThreeCandidates() {
        clock.set(Publicity.MONDAY);
        committee = Committees.insert("TEST-A");
        Map<String, Object> body = Publicity.notice(committee, Publicity.MONDAY);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> candidates = (List<Map<String, Object>>) body.get("candidates");
        holderName = "资格" + UUID.randomUUID().toString().substring(0, 6);
        candidates.get(0).put("name", holderName);
        idNumbers = candidates.stream().map(c -> (String) c.get("holderIdNumber")).toList();
        JsonPath opened = Publicity.opened("TEST-A", body);
        notice = opened.getLong("id");
        entries = opened.getList("entries.id", Long.class);
    }

    @AfterEach
    void realTime() {
        clock.reset();
    }

    @Test
    void a_document_for_a_notice_still_open_is_a_conflict_and_from_its_end_on_it_is_issued() {
        clock.set(Publicity.END_OF_FIVE_DAYS.minusSeconds(1));
        Problems.assertProblem(Publicity.issueDocument("TEST-A", document(entries)), 409, "/problems/notice-not-finished");

        clock.set(Publicity.END_OF_FIVE_DAYS);
        Map<String, Object> body = document(entries);
        body.put("documentDate", "2026-03-07");
        Publicity.issueDocument("TEST-A", body).then().statusCode(201);
    }

    @Test
    void a_document_waits_until_every_objection_is_answered() {
        String receipt = Publicity.object(notice, Publicity.newClient(), Publicity.objection(entries.get(1))).then().statusCode(201).extract()
                .path("receiptNumber");
        clock.set(Publicity.END_OF_FIVE_DAYS.plus(Duration.ofDays(1)));

        JsonPath problem = Problems.assertProblem(Publicity.issueDocument("TEST-A", document(entries)), 409, "/problems/notice-not-finished");
        assertThat(problem.getString("detail")).contains("1 unanswered objection");

        Publicity.answer("TEST-A", notice, receipt, "DISMISSED").then().statusCode(200);
        Publicity.issueDocument("TEST-A", document(entries)).then().statusCode(201);
    }

    @Test
    void the_qualification_date_is_the_vote_date_never_the_document_date() {
        clock.set(Publicity.END_OF_FIVE_DAYS.plus(Duration.ofDays(1)));

        Response response = Publicity.issueDocument("TEST-A", document(entries));

        JsonPath document = response.then().statusCode(201).extract().jsonPath();
        long id = document.getLong("id");
        assertThat(response.header("Location")).endsWith("/api/v1/qualification-documents/" + id);
        assertThat(document.getString("documentDate")).isEqualTo(SUNDAY);
        assertThat(document.getString("qualificationDate")).isEqualTo(Publicity.VOTE_DATE);
        assertThat(document.getList("entries.qualificationDate")).containsOnly(Publicity.VOTE_DATE).hasSize(3);
        JsonPath published = given().get("/api/v1/qualification-documents/" + id).then().statusCode(200).extract().jsonPath();
        assertThat(published.getList("entries.qualificationDate")).containsOnly(Publicity.VOTE_DATE);
        assertThat(published.getList("entries.qualificationDate")).doesNotContain(SUNDAY);
        assertThat(Database.string("SELECT vote_date::text FROM qualification_document WHERE id = " + id)).isEqualTo(Publicity.VOTE_DATE);
    }

    @Test
    void entries_copy_the_notice_and_the_id_numbers_stay_private() {
        clock.set(Publicity.END_OF_FIVE_DAYS.plus(Duration.ofDays(1)));
        Map<String, Object> body = document(entries);
        lines(body).get(2).put("effectiveScope", "GRASSROOTS");

        long id = Publicity.issueDocument("TEST-A", body).then().statusCode(201).extract().jsonPath().getLong("id");

        JsonPath published = given().get("/api/v1/qualification-documents/" + id).then().statusCode(200).extract().jsonPath();
        assertThat(published.getList("entries.name")).containsExactly(holderName, "李四", "王五");
        assertThat(published.getList("entries.workUnit")).containsOnly("测试省建筑设计研究院");
        assertThat(published.getList("entries.qualificationName")).containsOnly("高级工程师");
        assertThat(published.getList("entries.effectiveScope")).containsExactly("PROVINCE_WIDE", "PROVINCE_WIDE", "GRASSROOTS");
        assertThat(published.getList("entries.promotionType")).containsExactly("NORMAL", "NORMAL", "EXCEPTIONAL");
        for (int i = 0; i < 3; i++) {
            assertThat(Database.string("SELECT holder_id_number FROM qualification_document_entry WHERE document_id = " + id + " AND position = " + (i + 1)))
                    .isEqualTo(idNumbers.get(i));
        }
        List<String> answers = List.of(given().get("/api/v1/qualification-documents/" + id).asString(),
                given().queryParam("committeeId", committee).get("/api/v1/qualification-documents").asString(),
                given().queryParam("q", holderName).get("/api/v1/qualification-documents").asString());
        for (String answer : answers) {
            assertThat(answer).doesNotContain("holderIdNumber", "IdNumber");
            idNumbers.forEach(number -> assertThat(answer).doesNotContain(number).doesNotContain(number.substring(0, 14)));
        }
        String where = " FROM audit_entry WHERE action = 'qualification.document-issued' AND subject = 'qualification-document/" + id + "'";
        assertThat(Database.count("SELECT count(*)" + where)).isEqualTo(1);
        assertThat(Database.string("SELECT detail" + where)).contains("\"qualificationDate\":\"" + Publicity.VOTE_DATE + "\"")
                .doesNotContain(idNumbers.get(0));
    }

    @Test
    void withdrawn_entries_are_left_out_and_every_other_entry_must_be_listed() {
        String receipt = Publicity.object(notice, Publicity.newClient(), Publicity.objection(entries.get(1))).then().statusCode(201).extract()
                .path("receiptNumber");
        Publicity.answer("TEST-A", notice, receipt, "UPHELD").then().statusCode(200);
        clock.set(Publicity.END_OF_FIVE_DAYS.plus(Duration.ofDays(1)));

        JsonPath withdrawn = Problems.assertProblem(Publicity.issueDocument("TEST-A", document(entries)), 422, "/problems/validation-failed");
        assertThat(withdrawn.getList("'invalid-params'.name")).containsExactly("entries/1/entryId");

        JsonPath missing = Problems.assertProblem(Publicity.issueDocument("TEST-A", document(List.of(entries.get(0)))), 422,
                "/problems/validation-failed");
        assertThat(missing.getString("'invalid-params'[0].name")).isEqualTo("entries");
        assertThat(missing.getString("'invalid-params'[0].reason")).contains("[3]");

        JsonPath twice = Problems.assertProblem(Publicity.issueDocument("TEST-A", document(List.of(entries.get(0), entries.get(2), entries.get(2)))),
                422, "/problems/validation-failed");
        assertThat(twice.getList("'invalid-params'.name")).containsExactly("entries/2/entryId");

        JsonPath issued = Publicity.issueDocument("TEST-A", document(List.of(entries.get(0), entries.get(2)))).then().statusCode(201).extract()
                .jsonPath();
        assertThat(issued.getList("entries.position", Integer.class)).containsExactly(1, 3);
        assertThat(issued.getList("entries.name")).doesNotContain("李四");
    }

    @Test
    void a_second_document_for_the_notice_or_a_reused_number_is_a_conflict() {
        clock.set(Publicity.END_OF_FIVE_DAYS.plus(Duration.ofDays(1)));
        Map<String, Object> body = document(entries);
        Publicity.issueDocument("TEST-A", body).then().statusCode(201);

        Problems.assertProblem(Publicity.issueDocument("TEST-A", body), 409, "/problems/duplicate");

        clock.set(Publicity.MONDAY);
        JsonPath other = Publicity.opened("TEST-A", Publicity.notice(committee, Publicity.MONDAY));
        clock.set(Publicity.END_OF_FIVE_DAYS.plus(Duration.ofDays(1)));
        Map<String, Object> reused = document(other.getList("entries.id", Long.class));
        reused.put("noticeId", other.getLong("id"));
        reused.put("documentNumber", body.get("documentNumber"));
        JsonPath problem = Problems.assertProblem(Publicity.issueDocument("TEST-A", reused), 409, "/problems/duplicate");
        assertThat(problem.getString("'invalid-params'[0].name")).isEqualTo("documentNumber");
        assertThat(Database.count("SELECT count(*) FROM qualification_document WHERE committee_id = " + committee)).isEqualTo(1);
    }

    @Test
    void a_document_dated_before_the_end_of_publicity_or_after_today_or_malformed_is_refused() {
        clock.set(Publicity.END_OF_FIVE_DAYS.plus(Duration.ofDays(1)));
        for (String date : List.of("2026-03-06", "2026-03-09", "2026-3-8")) {
            Map<String, Object> body = document(entries);
            body.put("documentDate", date);
            JsonPath problem = Problems.assertProblem(Publicity.issueDocument("TEST-A", body), 422, "/problems/validation-failed");
            assertThat(problem.getString("'invalid-params'[0].name")).as(date).isEqualTo("documentDate");
        }
    }

    @Test
    void only_registrars_of_the_notices_authority_issue_its_document() {
        clock.set(Publicity.END_OF_FIVE_DAYS.plus(Duration.ofDays(1)));
        JsonPath foreign = Problems.assertProblem(Publicity.issueDocument("TEST-B", document(entries)), 422, "/problems/validation-failed");
        assertThat(foreign.getString("'invalid-params'[0].name")).isEqualTo("noticeId");
        Problems.assertProblem(given().contentType(ContentType.JSON).body(document(entries)).post("/api/v1/qualification-documents"), 401,
                "/problems/unauthenticated");
        Problems.assertProblem(given().auth().oauth2(Tokens.issuer("TEST-A")).contentType(ContentType.JSON).body(document(entries))
                .post("/api/v1/qualification-documents"), 403, "/problems/forbidden");
        assertThat(Database.count("SELECT count(*) FROM qualification_document WHERE notice_id = " + notice)).isZero();
    }

    @Test
    void the_public_list_filters_by_committee_year_and_text_and_pages_are_capped() {
        clock.set(Publicity.END_OF_FIVE_DAYS.plus(Duration.ofDays(1)));
        Map<String, Object> body = document(entries);
        String number = (String) body.get("documentNumber");
        long id = Publicity.issueDocument("TEST-A", body).then().statusCode(201).extract().jsonPath().getLong("id");
        String committeeName = Database.string("SELECT name FROM committee WHERE id = " + committee);

        assertThat(ids(Map.of("committeeId", committee))).containsExactly(id);
        assertThat(ids(Map.of("committeeId", committee, "year", 2026))).containsExactly(id);
        assertThat(ids(Map.of("committeeId", committee, "year", 2025))).isEmpty();
        assertThat(ids(Map.of("q", number.substring(number.length() - 8)))).containsExactly(id);
        assertThat(ids(Map.of("q", committeeName))).containsExactly(id);
        assertThat(ids(Map.of("q", holderName))).containsExactly(id);
        assertThat(ids(Map.of("q", "没有这个人" + UUID.randomUUID()))).isEmpty();
        assertThat(ids(Map.of("committeeId", committee, "q", "%"))).as("% is a character, not a wildcard").isEmpty();
        JsonPath page = list(Map.of("committeeId", committee));
        assertThat(page.getString("items[0].qualificationDate")).isEqualTo(Publicity.VOTE_DATE);
        assertThat(page.getLong("items[0].entryCount")).isEqualTo(3);
        assertThat(page.getLong("total")).isEqualTo(1);

        Problems.assertProblem(given().queryParam("size", 101).get("/api/v1/qualification-documents"), 400, "/problems/invalid-query");
        Problems.assertProblem(given().queryParam("year", 3000).get("/api/v1/qualification-documents"), 400, "/problems/invalid-query");
        Problems.assertProblem(given().queryParam("q", "字".repeat(51)).get("/api/v1/qualification-documents"), 400, "/problems/invalid-query");
        Problems.assertProblem(given().get("/api/v1/qualification-documents/987654321"), 404, "/problems/not-found");

        Response first = given().get("/api/v1/qualification-documents/" + id);
        assertThat(first.header("Cache-Control")).isEqualTo("public, max-age=30");
        assertThat(given().header("If-None-Match", first.header("ETag")).get("/api/v1/qualification-documents/" + id).statusCode()).isEqualTo(304);
    }

    private static JsonPath list(Map<String, ?> query) {
        return given().queryParams(query).get("/api/v1/qualification-documents").then().statusCode(200).extract().jsonPath();
    }

    private static List<Long> ids(Map<String, ?> query) {
        return list(query).getList("items.id", Long.class);
    }

    /** A document for the notice naming the given entries, all PROVINCE_WIDE, dated the Sunday after the notice ended. */
    private Map<String, Object> document(List<Long> entryIds) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("noticeId", notice);
        body.put("documentNumber", "测人社职〔2026〕" + UUID.randomUUID().toString().substring(0, 8) + "号");
        body.put("documentDate", SUNDAY);
        List<Map<String, Object>> lines = new ArrayList<>();
        for (Long entryId : entryIds) {
            Map<String, Object> line = new LinkedHashMap<>();
            line.put("entryId", entryId);
            line.put("effectiveScope", "PROVINCE_WIDE");
            lines.add(line);
        }
        body.put("entries", lines);
        return body;
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> lines(Map<String, Object> body) {
        return (List<Map<String, Object>>) body.get("entries");
    }
}
