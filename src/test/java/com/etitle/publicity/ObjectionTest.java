package com.etitle.publicity;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.etitle.crypto.Hashes;
import com.etitle.support.Committees;
import com.etitle.support.Database;
import com.etitle.support.Problems;
import com.etitle.support.Publicity;
import com.etitle.support.Scrape;
import com.etitle.support.TestClock;
import com.etitle.support.Tokens;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;

@QuarkusTest
class ObjectionTest {

    private static final String RECEIPT = "YY2026-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}";

    @Inject
    TestClock clock;

    long notice;
    List<Long> entries;
    String client;

    @BeforeEach
    void anOpenNotice() {
        clock.set(Publicity.MONDAY);
        JsonPath opened = Publicity.opened("TEST-A", Publicity.notice(Committees.insert("TEST-A"), Publicity.MONDAY));
        notice = opened.getLong("id");
        entries = opened.getList("entries.id", Long.class);
        client = Publicity.newClient();
    }

    @AfterEach
    void realTime() {
        clock.reset();
    }

    @Test
    void objections_are_accepted_until_the_last_second_before_the_end_and_refused_from_the_end_on() {
        clock.set(Publicity.END_OF_FIVE_DAYS.minusSeconds(1));
        Publicity.object(notice, client, Publicity.objection(entries.get(0))).then().statusCode(201);

        clock.set(Publicity.END_OF_FIVE_DAYS);
        JsonPath atEnd = Problems.assertProblem(Publicity.object(notice, client, Publicity.objection(entries.get(0))), 409,
                "/problems/publicity-not-open");
        assertThat(atEnd.getString("detail")).contains("2026-03-06");

        clock.set(Publicity.END_OF_FIVE_DAYS.plusSeconds(1));
        Problems.assertProblem(Publicity.object(notice, client, Publicity.objection(entries.get(0))), 409, "/problems/publicity-not-open");
        assertThat(Database.count("SELECT count(*) FROM objection WHERE notice_id = " + notice)).isEqualTo(1);
    }

    @Test
    void a_notice_takes_objections_from_its_start_and_is_not_found_before() {
        JsonPath later = Publicity.opened("TEST-A", Publicity.notice(Committees.insert("TEST-A"), Publicity.MONDAY.plus(Duration.ofDays(1))));
        long id = later.getLong("id");
        long entry = later.getLong("entries[0].id");

        clock.set(Publicity.MONDAY.plus(Duration.ofDays(1)).minusSeconds(1));
        Problems.assertProblem(Publicity.object(id, client, Publicity.objection(entry)), 404, "/problems/not-found");
        clock.set(Publicity.MONDAY.plus(Duration.ofDays(1)));
        Publicity.object(id, client, Publicity.objection(entry)).then().statusCode(201);
    }

    @Test
    void the_receipt_is_random_and_echoes_nothing_the_objector_sent() {
        Set<String> receipts = new HashSet<>();
        for (int i = 0; i < 3; i++) {
            Response response = Publicity.object(notice, Publicity.newClient(), Publicity.objection(entries.get(i)));
            JsonPath receipt = response.then().statusCode(201).extract().jsonPath();
            assertThat(receipt.getString("receiptNumber")).matches(RECEIPT);
            assertThat(receipt.getString("status")).isEqualTo("RECEIVED");
            assertThat(receipt.getLong("entryId")).isEqualTo(entries.get(i));
            assertThat(receipt.getInt("entryPosition")).isEqualTo(i + 1);
            assertThat(response.asString()).doesNotContain("赵六", "@example.cn", "论文");
            assertThat(response.header("Cache-Control")).isEqualTo("no-store");
            receipts.add(receipt.getString("receiptNumber"));
        }
        assertThat(receipts).hasSize(3);
    }

    @Test
    void objector_contacts_and_names_never_appear_in_any_public_answer() {
        Map<String, Object> byPhone = Publicity.objection(entries.get(0));
        byPhone.put("contact", "13912345678");
        Publicity.object(notice, client, byPhone).then().statusCode(201);
        Publicity.object(notice, client, Publicity.objection(entries.get(1))).then().statusCode(201);

        List<String> answers = List.of(
                given().get("/api/v1/publicity-notices/" + notice).then().statusCode(200).extract().asString(),
                given().get("/api/v1/publicity-notices?committeeId=" + committeeOf(notice)).then().statusCode(200).extract().asString(),
                given().get("/api/v1/publicity-notices").then().statusCode(200).extract().asString());
        for (String answer : answers) {
            assertThat(answer).doesNotContain("13912345678", "objector-", "@example.cn", "赵六", "objector", "contact\":\"1");
        }
        String audit = Database.string("SELECT string_agg(detail || actor, ' ') FROM audit_entry WHERE action = 'publicity.objection-received'");
        assertThat(audit).doesNotContain("13912345678", "@example.cn", "赵六");
    }

    @Test
    void registrars_read_the_objections_with_contacts_for_their_own_authority_only() {
        Map<String, Object> byPhone = Publicity.objection(entries.get(1));
        byPhone.put("contact", "13912345678");
        String receipt = Publicity.object(notice, client, byPhone).then().statusCode(201).extract().path("receiptNumber");

        Response own = given().auth().oauth2(Tokens.withRole("registrar", "TEST-A")).get(path());
        own.then().statusCode(200);
        assertThat(own.header("Cache-Control")).isEqualTo("no-store");
        JsonPath list = own.jsonPath();
        assertThat(list.getList("receiptNumber")).containsExactly(receipt);
        assertThat(list.getString("[0].objectorContact")).isEqualTo("13912345678");
        assertThat(list.getString("[0].objectorName")).isEqualTo("赵六");
        assertThat(list.getInt("[0].entryPosition")).isEqualTo(2);
        assertThat(list.getString("[0].status")).isEqualTo("RECEIVED");

        Problems.assertProblem(given().auth().oauth2(Tokens.withRole("registrar", "TEST-B")).get(path()), 404, "/problems/not-found");
        Problems.assertProblem(given().get(path()), 401, "/problems/unauthenticated");
        Problems.assertProblem(given().auth().oauth2(Tokens.issuer("TEST-A")).get(path()), 403, "/problems/forbidden");
        Problems.assertProblem(Publicity.answer("TEST-B", notice, receipt, "UPHELD"), 404, "/problems/not-found");
    }

    @Test
    void an_upheld_objection_withdraws_the_entry_and_a_dismissed_one_does_not() {
        String upheld = receipt(entries.get(0));
        String dismissed = receipt(entries.get(1));
        String before = given().get("/api/v1/publicity-notices/" + notice).header("ETag");

        JsonPath first = Publicity.answer("TEST-A", notice, upheld, "UPHELD").then().statusCode(200).extract().jsonPath();
        JsonPath second = Publicity.answer("TEST-A", notice, dismissed, "dismissed").then().statusCode(200).extract().jsonPath();

        assertThat(first.getString("status")).isEqualTo("UPHELD");
        assertThat(first.getBoolean("entryWithdrawn")).isTrue();
        assertThat(first.getString("answeredBy")).isEqualTo("someone@TEST-A");
        assertThat(first.getString("reply")).startsWith("您好");
        assertThat(second.getString("status")).isEqualTo("DISMISSED");
        assertThat(second.getBoolean("entryWithdrawn")).isFalse();
        Response published = given().get("/api/v1/publicity-notices/" + notice);
        assertThat(published.jsonPath().getList("entries.withdrawn", Boolean.class)).containsExactly(true, false, false);
        assertThat(published.header("ETag")).isNotEqualTo(before);
        assertThat(Database.count("SELECT count(*) FROM audit_entry WHERE action = 'publicity.objection-answered' AND subject IN ('objection/"
                + upheld + "', 'objection/" + dismissed + "')")).isEqualTo(2);
        assertThat(Database.string("SELECT detail FROM audit_entry WHERE subject = 'objection/" + upheld + "' AND action = 'publicity.objection-answered'"))
                .contains("\"entryWithdrawn\":true", "\"outcome\":\"UPHELD\"");
    }

    @Test
    void answering_twice_is_a_conflict_and_changes_nothing() {
        String receipt = receipt(entries.get(2));
        Publicity.answer("TEST-A", notice, receipt, "DISMISSED").then().statusCode(200);

        Problems.assertProblem(Publicity.answer("TEST-A", notice, receipt, "UPHELD"), 409, "/problems/objection-already-answered");

        assertThat(Database.string("SELECT status FROM objection WHERE receipt_number = '" + receipt + "'")).isEqualTo("DISMISSED");
        assertThat(Database.count("SELECT count(*) FROM publicity_entry WHERE id = " + entries.get(2) + " AND withdrawn")).isZero();
        assertThat(Database.count("SELECT count(*) FROM audit_entry WHERE subject = 'objection/" + receipt + "' AND action = 'publicity.objection-answered'"))
                .isEqualTo(1);
    }

    @Test
    void objections_to_a_withdrawn_entry_are_a_conflict_and_to_others_still_welcome() {
        Publicity.answer("TEST-A", notice, receipt(entries.get(0)), "UPHELD").then().statusCode(200);

        Problems.assertProblem(Publicity.object(notice, client, Publicity.objection(entries.get(0))), 409, "/problems/entry-withdrawn");
        Publicity.object(notice, client, Publicity.objection(entries.get(1))).then().statusCode(201);
    }

    @Test
    void every_invalid_objection_field_is_named_and_nothing_is_filed() {
        Map<String, Object> bad = Publicity.objection(entries.get(0));
        bad.put("objectorName", "赵");
        bad.put("contact", "call me maybe");
        bad.put("reason", "这是九个字的理由啊");
        bad.put("entryPosition", 1);

        JsonPath problem = Problems.assertProblem(Publicity.object(notice, client, bad), 422, "/problems/validation-failed");

        assertThat(problem.getList("'invalid-params'.name")).containsExactlyInAnyOrder("objectorName", "contact", "reason", "entryPosition");
        assertThat(Database.count("SELECT count(*) FROM objection WHERE notice_id = " + notice)).isZero();
    }

    @Test
    void the_shortest_accepted_reason_is_ten_characters_and_an_entry_may_be_named_by_position() {
        Map<String, Object> body = Publicity.objection(entries.get(0));
        body.remove("entryId");
        body.put("entryPosition", 3);
        body.put("reason", "这是十个字的理由啊！");
        body.put("objectorName", "钱七");
        body.put("contact", "0931-8123456");

        JsonPath receipt = Publicity.object(notice, client, body).then().statusCode(201).extract().jsonPath();

        assertThat(receipt.getLong("entryId")).isEqualTo(entries.get(2));
        Map<String, Object> unknown = Publicity.objection(987_654_321L);
        JsonPath problem = Problems.assertProblem(Publicity.object(notice, client, unknown), 422, "/problems/validation-failed");
        assertThat(problem.getString("'invalid-params'[0].name")).isEqualTo("entryId");
    }

    @Test
    void an_answer_must_say_upheld_or_dismissed_and_carry_a_reply() {
        String receipt = receipt(entries.get(0));
        Response received = given().auth().oauth2(Tokens.withRole("registrar", "TEST-A")).contentType(ContentType.JSON)
                .body(Map.of("outcome", "RECEIVED", "investigationResult", "查无此事", "reply", " "))
                .post(path() + "/" + receipt + "/answer");
        JsonPath problem = Problems.assertProblem(received, 422, "/problems/validation-failed");
        assertThat(problem.getList("'invalid-params'.name")).containsExactlyInAnyOrder("outcome", "reply");
        Problems.assertProblem(Publicity.answer("TEST-A", notice, "YY2026-0000-0000-0000", "UPHELD"), 404, "/problems/not-found");
        assertThat(Database.string("SELECT status FROM objection WHERE receipt_number = '" + receipt + "'")).isEqualTo("RECEIVED");
    }

    @Test
    void a_client_filing_too_many_objections_gets_429_with_retry_after() {
        Scrape before = Scrape.now();
        for (int i = 0; i < 5; i++) {
            Publicity.object(notice, client, Publicity.objection(entries.get(i % 3))).then().statusCode(201);
        }

        Response sixth = Publicity.object(notice, client, Publicity.objection(entries.get(0)));

        Problems.assertProblem(sixth, 429, "/problems/rate-limited");
        assertThat(sixth.header("Retry-After")).isEqualTo("12");
        // the count is in PostgreSQL, shared by every replica, under a digest of the address
        String bucket = "objection-client:" + Base64.getUrlEncoder().withoutPadding()
                .encodeToString(Hashes.sha256(client.getBytes(StandardCharsets.UTF_8)));
        assertThat(Database.string("SELECT tokens FROM brake_bucket WHERE bucket_key = '" + bucket + "'")).isEqualTo("0");
        Problems.assertProblem(Publicity.object(notice, client, Map.of()), 429, "/problems/rate-limited");
        Publicity.object(notice, Publicity.newClient(), Publicity.objection(entries.get(0))).then().statusCode(201);
        clock.advance(Duration.ofSeconds(11));
        Problems.assertProblem(Publicity.object(notice, client, Publicity.objection(entries.get(0))), 429, "/problems/rate-limited");
        clock.advance(Duration.ofSeconds(1));
        Publicity.object(notice, client, Publicity.objection(entries.get(0))).then().statusCode(201);
        assertThat(Database.count("SELECT count(*) FROM objection WHERE notice_id = " + notice)).isEqualTo(7);
        assertThat(Scrape.now().since(before, "etitle_rate_limit_refusals_total", "limiter", "objection-client"))
                .as("each 429 counted for the operator").isEqualTo(3);
    }

    private String receipt(long entryId) {
        return Publicity.object(notice, Publicity.newClient(), Publicity.objection(entryId)).then().statusCode(201).extract().path("receiptNumber");
    }

    private String path() {
        return "/api/v1/publicity-notices/" + notice + "/objections";
    }

    private static long committeeOf(long notice) {
        return Database.count("SELECT committee_id FROM publicity_notice WHERE id = " + notice);
    }
}
