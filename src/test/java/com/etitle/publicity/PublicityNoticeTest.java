package com.etitle.publicity;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

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
class PublicityNoticeTest {

    @Inject
    TestClock clock;

    long committee;

    @BeforeEach
    void mondayMorning() {
        clock.set(Publicity.MONDAY);
        committee = Committees.insert("TEST-A");
    }

    @AfterEach
    void realTime() {
        clock.reset();
    }

    @Test
    void a_registrar_opens_a_notice_and_its_end_is_computed_from_the_working_day_calendar() {
        Response response = Publicity.open("TEST-A", Publicity.notice(committee, Publicity.MONDAY));

        JsonPath notice = response.then().statusCode(201).extract().jsonPath();
        long id = notice.getLong("id");
        assertThat(response.header("Location")).endsWith("/api/v1/publicity-notices/" + id);
        assertThat(notice.getString("startsAt")).isEqualTo("2026-03-02T01:00:00Z");
        assertThat(notice.getString("endsAt")).as("24:00 Shanghai of Friday 6 March").isEqualTo("2026-03-06T16:00:00Z");
        assertThat(notice.getString("lastWorkingDay")).isEqualTo("2026-03-06");
        assertThat(notice.getInt("workingDays")).isEqualTo(5);
        assertThat(notice.getString("state")).isEqualTo("OPEN");
        assertThat(notice.getInt("remainingWorkingDays")).isEqualTo(5);
        assertThat(notice.getLong("committeeId")).isEqualTo(committee);
        assertThat(notice.getString("contactPhone")).isEqualTo("0931-8123456");
        assertThat(notice.getList("entries.position", Integer.class)).containsExactly(1, 2, 3);
        assertThat(notice.getList("entries.promotionType")).containsExactly("NORMAL", "NORMAL", "EXCEPTIONAL");
        assertThat(response.asString()).doesNotContain("holderIdNumber");

        String where = " FROM audit_entry WHERE action = 'publicity.notice-opened' AND subject = 'publicity-notice/" + id + "'";
        assertThat(Database.count("SELECT count(*)" + where)).isEqualTo(1);
        assertThat(Database.string("SELECT actor" + where)).isEqualTo("someone@TEST-A");
        assertThat(Database.count("SELECT count(*) FROM publicity_entry WHERE notice_id = " + id + " AND length(holder_id_number) = 18"))
                .as("ID numbers kept for issuance").isEqualTo(3);
    }

    @Test
    void a_notice_opened_before_spring_festival_runs_past_it() {
        clock.set(OffsetDateTime.parse("2026-02-12T09:00:00+08:00").toInstant());
        Map<String, Object> body = Publicity.notice(committee, clock.instant());
        body.put("voteDate", "2026-02-10");

        JsonPath notice = Publicity.opened("TEST-A", body);

        // Thu 12, Fri 13, Sat 14 (调休上班), holiday 15–23, Tue 24, Wed 25
        assertThat(notice.getString("lastWorkingDay")).isEqualTo("2026-02-25");
        assertThat(notice.getString("endsAt")).isEqualTo("2026-02-25T16:00:00Z");
    }

    @Test
    void five_working_days_are_accepted_and_four_are_refused() {
        Map<String, Object> four = Publicity.notice(committee, Publicity.MONDAY);
        four.put("workingDays", 4);
        JsonPath problem = Problems.assertProblem(Publicity.open("TEST-A", four), 422, "/problems/validation-failed");
        assertThat(problem.getString("'invalid-params'[0].name")).isEqualTo("workingDays");
        assertThat(problem.getString("'invalid-params'[0].reason")).contains("at least 5");

        Map<String, Object> thirtyOne = Publicity.notice(committee, Publicity.MONDAY);
        thirtyOne.put("workingDays", 31);
        Problems.assertProblem(Publicity.open("TEST-A", thirtyOne), 422, "/problems/validation-failed");

        Map<String, Object> five = Publicity.notice(committee, Publicity.MONDAY);
        Publicity.open("TEST-A", five).then().statusCode(201);
        assertThat(Database.count("SELECT count(*) FROM publicity_notice WHERE committee_id = " + committee)).isEqualTo(1);
    }

    @Test
    void an_unknown_committee_another_authoritys_and_a_suspended_one_are_refused_naming_the_field() {
        long otherAuthoritys = Committees.insert("TEST-B");
        long suspended = Committees.insert("TEST-A", "暂停的评委会", "SUSPENDED");
        for (long id : List.of(987_654_321L, otherAuthoritys, suspended)) {
            JsonPath problem = Problems.assertProblem(Publicity.open("TEST-A", Publicity.notice(id, Publicity.MONDAY)), 422,
                    "/problems/validation-failed");
            assertThat(problem.getString("'invalid-params'[0].name")).isEqualTo("committeeId");
        }
        JsonPath unknown = Problems.assertProblem(Publicity.open("TEST-A", Publicity.notice(987_654_321L, Publicity.MONDAY)), 422,
                "/problems/validation-failed");
        JsonPath foreign = Problems.assertProblem(Publicity.open("TEST-A", Publicity.notice(otherAuthoritys, Publicity.MONDAY)), 422,
                "/problems/validation-failed");
        assertThat(foreign.getString("'invalid-params'[0].reason").replace(String.valueOf(otherAuthoritys), "N"))
                .as("another authority's committee looks unknown").isEqualTo(unknown.getString("'invalid-params'[0].reason").replace("987654321", "N"));
        assertThat(Database.count("SELECT count(*) FROM publicity_notice WHERE committee_id IN (" + otherAuthoritys + ", " + suspended + ")")).isZero();
    }

    @Test
    void malformed_dates_are_each_named_in_one_problem() {
        Map<String, Object> body = Publicity.notice(committee, Publicity.MONDAY);
        body.put("voteDate", "2026-02-30");
        body.put("startsAt", "2026-03-02 09:00");

        JsonPath problem = Problems.assertProblem(Publicity.open("TEST-A", body), 422, "/problems/validation-failed");

        assertThat(problem.getList("'invalid-params'.name")).containsExactlyInAnyOrder("voteDate", "startsAt");
        assertThat(problem.getString("detail")).contains("2 invalid fields");
    }

    @Test
    void a_vote_in_the_future_a_start_in_the_past_and_a_start_before_the_vote_are_refused() {
        Map<String, Object> futureVote = Publicity.notice(committee, Publicity.MONDAY.plus(Duration.ofDays(2)));
        futureVote.put("voteDate", "2026-03-03");
        assertThat(invalidParams(futureVote)).containsExactly("voteDate");

        Map<String, Object> pastStart = Publicity.notice(committee, Publicity.MONDAY.minus(Duration.ofHours(1)));
        assertThat(invalidParams(pastStart)).containsExactly("startsAt");

        // two minutes after midnight: a start at the stroke of midnight is within the tolerance for slow clients
        clock.set(OffsetDateTime.parse("2026-03-02T00:02:00+08:00").toInstant());
        Map<String, Object> beforeVote = Publicity.notice(committee, Publicity.MONDAY);
        beforeVote.put("voteDate", "2026-03-02");
        beforeVote.put("startsAt", "2026-03-01T23:59:59+08:00");
        JsonPath problem = Problems.assertProblem(Publicity.open("TEST-A", beforeVote), 422, "/problems/validation-failed");
        assertThat(problem.getString("'invalid-params'[0].name")).isEqualTo("startsAt");
        assertThat(problem.getString("'invalid-params'[0].reason")).contains("before the vote date");
        beforeVote.put("startsAt", "2026-03-01T16:00:00Z");
        assertThat(invalidParams(beforeVote)).as("00:00 on the 2nd in Shanghai, written in UTC").isEmpty();
    }

    @Test
    void a_window_reaching_a_year_without_calendar_data_is_refused_naming_the_field() {
        Instant lateDecember = OffsetDateTime.parse("2026-12-28T09:00:00+08:00").toInstant();
        clock.set(lateDecember);
        Map<String, Object> body = Publicity.notice(committee, lateDecember);
        body.put("voteDate", "2026-12-20");

        JsonPath problem = Problems.assertProblem(Publicity.open("TEST-A", body), 422, "/problems/calendar-no-data");
        assertThat(problem.getString("'invalid-params'[0].name")).isEqualTo("workingDays");
        assertThat(problem.getString("detail")).contains("2027");

        body.put("startsAt", "2027-01-04T09:00:00+08:00");
        JsonPath start = Problems.assertProblem(Publicity.open("TEST-A", body), 422, "/problems/calendar-no-data");
        assertThat(start.getString("'invalid-params'[0].name")).isEqualTo("startsAt");
    }

    @Test
    void every_invalid_candidate_field_is_named_with_its_position() {
        Map<String, Object> body = Publicity.notice(committee, Publicity.MONDAY);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> candidates = (List<Map<String, Object>>) body.get("candidates");
        candidates.get(0).put("holderIdNumber", "110105198003121239");
        candidates.get(1).put("level", "SUPREME");
        candidates.get(2).remove("name");
        Map<String, Object> twin = Publicity.candidate("张三");
        twin.put("holderIdNumber", candidates.get(1).get("holderIdNumber"));
        candidates.add(twin);

        assertThat(invalidParams(body)).containsExactlyInAnyOrder("candidates/0/holderIdNumber", "candidates/1/level", "candidates/2/name",
                "candidates/3/holderIdNumber");

        body.put("candidates", List.of());
        assertThat(invalidParams(body)).containsExactly("candidates");
    }

    @Test
    void only_registrars_open_notices() {
        Map<String, Object> body = Publicity.notice(committee, Publicity.MONDAY);
        Problems.assertProblem(given().contentType(ContentType.JSON).body(body).post("/api/v1/publicity-notices"), 401,
                "/problems/unauthenticated");
        Problems.assertProblem(given().auth().oauth2(Tokens.issuer("TEST-A")).contentType(ContentType.JSON).body(body)
                .post("/api/v1/publicity-notices"), 403, "/problems/forbidden");
        Problems.assertProblem(given().auth().oauth2(Tokens.withRole("registrar", "TEST-A")).contentType(ContentType.JSON)
                .body("{\"committeeId\": \"twelve\"}").post("/api/v1/publicity-notices"), 400, "/problems/malformed-request");
        assertThat(Database.count("SELECT count(*) FROM publicity_notice WHERE committee_id = " + committee)).isZero();
    }

    @Test
    void the_public_list_filters_by_state_and_committee_and_pages_newest_first() {
        long first = Publicity.opened("TEST-A", Publicity.notice(committee, Publicity.MONDAY)).getLong("id");
        long second = Publicity.opened("TEST-A", Publicity.notice(committee, Publicity.MONDAY.plus(Duration.ofHours(1)))).getLong("id");
        long third = Publicity.opened("TEST-A", Publicity.notice(committee, Publicity.MONDAY.plus(Duration.ofHours(2)))).getLong("id");
        long nextWeek = Publicity.opened("TEST-A", Publicity.notice(committee, Publicity.MONDAY.plus(Duration.ofDays(7)))).getLong("id");

        clock.set(Publicity.MONDAY.plus(Duration.ofHours(3)));
        assertThat(ids(Map.of("committeeId", committee))).as("started notices, newest start first").containsExactly(third, second, first);
        assertThat(ids(Map.of("committeeId", committee, "state", "open"))).containsExactly(third, second, first);
        assertThat(ids(Map.of("committeeId", committee, "state", "closed"))).isEmpty();
        JsonPath page0 = list(Map.of("committeeId", committee, "size", 2, "page", 0));
        JsonPath page1 = list(Map.of("committeeId", committee, "size", 2, "page", 1));
        assertThat(page0.getList("items.id", Long.class)).containsExactly(third, second);
        assertThat(page1.getList("items.id", Long.class)).containsExactly(first);
        assertThat(page0.getLong("total")).isEqualTo(3);
        assertThat(page0.getLong("items[0].entryCount")).isEqualTo(3);
        Problems.assertProblem(given().get("/api/v1/publicity-notices/" + nextWeek), 404, "/problems/not-found");

        clock.set(Publicity.END_OF_FIVE_DAYS);
        assertThat(ids(Map.of("committeeId", committee, "state", "open"))).isEmpty();
        assertThat(ids(Map.of("committeeId", committee, "state", "closed"))).containsExactly(third, second, first);
        assertThat(given().get("/api/v1/publicity-notices/" + first).then().statusCode(200).extract().<String>path("state")).isEqualTo("CLOSED");

        clock.set(Publicity.MONDAY.plus(Duration.ofDays(7)));
        assertThat(ids(Map.of("committeeId", committee, "state", "open"))).containsExactly(nextWeek);
        assertThat(ids(Map.of("committeeId", Committees.insert("TEST-A")))).isEmpty();
    }

    @Test
    void page_sizes_above_100_and_unknown_states_are_refused() {
        given().queryParam("size", 100).get("/api/v1/publicity-notices").then().statusCode(200);
        JsonPath size = Problems.assertProblem(given().queryParam("size", 101).get("/api/v1/publicity-notices"), 400, "/problems/invalid-query");
        assertThat(size.getString("'invalid-params'[0].name")).isEqualTo("size");
        Problems.assertProblem(given().queryParam("page", -1).get("/api/v1/publicity-notices"), 400, "/problems/invalid-query");
        Problems.assertProblem(given().queryParam("state", "pending").get("/api/v1/publicity-notices"), 400, "/problems/invalid-query");
    }

    @Test
    void public_answers_are_cacheable_with_an_etag_that_answers_304() {
        long id = Publicity.opened("TEST-A", Publicity.notice(committee, Publicity.MONDAY)).getLong("id");

        for (String path : List.of("/api/v1/publicity-notices/" + id, "/api/v1/publicity-notices?committeeId=" + committee)) {
            Response first = given().get(path);
            first.then().statusCode(200);
            assertThat(first.header("Cache-Control")).isEqualTo("public, max-age=30");
            String etag = first.header("ETag");
            assertThat(etag).as("one tag format for every register: 128 bits, base64url").matches("\"[A-Za-z0-9_-]{22}\"");
            Response again = given().header("If-None-Match", etag).get(path);
            assertThat(again.statusCode()).isEqualTo(304);
            assertThat(again.asString()).isEmpty();
            assertThat(again.header("ETag")).isEqualTo(etag);
            assertThat(given().header("If-None-Match", "\"something-else\"").get(path).statusCode()).isEqualTo(200);
        }

        String whileOpen = given().get("/api/v1/publicity-notices/" + id).header("ETag");
        clock.set(Publicity.END_OF_FIVE_DAYS);
        String closed = given().get("/api/v1/publicity-notices/" + id).header("ETag");
        assertThat(closed).as("closing changes the answer, so its tag").isNotEqualTo(whileOpen);
        assertThat(given().header("If-None-Match", whileOpen).get("/api/v1/publicity-notices/" + id).statusCode()).isEqualTo(200);
    }

    @Test
    void holder_id_numbers_never_appear_in_any_public_answer() {
        Map<String, Object> body = Publicity.notice(committee, Publicity.MONDAY);
        @SuppressWarnings("unchecked")
        List<String> idNumbers = ((List<Map<String, Object>>) body.get("candidates")).stream().map(c -> (String) c.get("holderIdNumber")).toList();
        long id = Publicity.opened("TEST-A", body).getLong("id");

        String one = given().get("/api/v1/publicity-notices/" + id).then().statusCode(200).extract().asString();
        String list = given().queryParam("committeeId", committee).get("/api/v1/publicity-notices").then().statusCode(200).extract().asString();
        for (String answer : List.of(one, list)) {
            assertThat(answer).doesNotContain("holderIdNumber", "IdNumber");
            idNumbers.forEach(number -> assertThat(answer).doesNotContain(number).doesNotContain(number.substring(0, 14)));
        }
        assertThat(one).contains("张三", "测试省建筑设计研究院", "高级工程师");
    }

    @Test
    void an_unknown_notice_is_a_404_problem() {
        Problems.assertProblem(given().get("/api/v1/publicity-notices/987654321"), 404, "/problems/not-found");
    }

    private List<Object> invalidParams(Map<String, Object> body) {
        Response response = Publicity.open("TEST-A", body);
        if (response.statusCode() == 201) {
            return List.of();
        }
        return Problems.assertProblem(response, 422, "/problems/validation-failed").getList("'invalid-params'.name");
    }

    private static JsonPath list(Map<String, ?> query) {
        return given().queryParams(query).get("/api/v1/publicity-notices").then().statusCode(200).extract().jsonPath();
    }

    private static List<Long> ids(Map<String, ?> query) {
        return list(query).getList("items.id", Long.class);
    }
}
