package com.etitle.committee;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import com.etitle.support.Database;
import com.etitle.support.Problems;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

@QuarkusTest
class CommitteeListTest {

    /**
     * Six committees under two series and two regions no other test uses, so every filter is combined with
     * one of them and sees only these: TEST-A files five, TEST-B one. The text {@code token} is in c1's
     * name, c4's specialty scope and, in another case, c5's managing department.
     */
    record Fixture(String series1, String series2, String region1, String region2, String token, long c1, long c2, long c3, long c4,
            long c5, long c6) {

        static Fixture file() {
            String s1 = Committees.unique("系列A"), s2 = Committees.unique("系列B");
            String r1 = Committees.unique("地区A"), r2 = Committees.unique("地区B");
            String token = Committees.unique("Zq").toLowerCase();
            long c1 = Committees.file("TEST-A", committee(s1, "SENIOR", r1, "ACTIVE", "name", "评委会" + token));
            long c2 = Committees.file("TEST-A", committee(s1, "INTERMEDIATE", r2, "SUSPENDED", null, null));
            long c3 = Committees.file("TEST-A", committee(s2, "SENIOR", r2, "REVOKED", null, null));
            long c4 = Committees.file("TEST-A", committee(s2, "INTERMEDIATE", r1, "ACTIVE", "specialtyScope", "结构、" + token));
            long c5 = Committees.file("TEST-A", committee(s1, "SENIOR", r1, "ACTIVE", "managingDepartment", "厅" + token.toUpperCase()));
            long c6 = Committees.file("TEST-B", committee(s1, "SENIOR", r1, "ACTIVE", null, null));
            return new Fixture(s1, s2, r1, r2, token, c1, c2, c3, c4, c5, c6);
        }

        private static Map<String, Object> committee(String series, String level, String region, String status, String field, String text) {
            Map<String, Object> body = Committees.with("series", series);
            body.put("level", level);
            body.put("region", region);
            body.put("status", status);
            if (field != null) {
                body.put(field, text);
            }
            return body;
        }
    }

    @Test
    void each_filter_narrows_the_list_to_the_matching_committees() {
        Fixture f = Fixture.file();

        assertThat(ids("series", f.series1())).containsExactly(f.c1(), f.c2(), f.c5(), f.c6());
        assertThat(ids("series", f.series1(), "level", "SENIOR")).containsExactly(f.c1(), f.c5(), f.c6());
        assertThat(ids("series", f.series1(), "level", "intermediate")).containsExactly(f.c2());
        assertThat(ids("region", f.region2())).containsExactly(f.c2(), f.c3());
        assertThat(ids("region", f.region2(), "status", "REVOKED")).containsExactly(f.c3());
        assertThat(ids("series", f.series2(), "status", "ACTIVE")).containsExactly(f.c4());
        assertThat(ids("series", f.series1(), "authority", "TEST-B")).containsExactly(f.c6());
        assertThat(ids("series", f.series1(), "authority", "TEST-NOBODY")).isEmpty();
        assertThat(ids("series", f.series1(), "region", f.region1(), "level", "SENIOR", "status", "ACTIVE", "authority", "TEST-A"))
                .containsExactly(f.c1(), f.c5());
    }

    @Test
    void the_text_query_looks_in_name_specialty_scope_and_managing_department_ignoring_case() {
        Fixture f = Fixture.file();

        assertThat(ids("q", f.token())).containsExactly(f.c1(), f.c4(), f.c5());
        assertThat(ids("q", f.token().toUpperCase())).containsExactly(f.c1(), f.c4(), f.c5());
        assertThat(ids("q", f.token(), "series", f.series2())).containsExactly(f.c4());
        assertThat(ids("q", f.token() + "-absent")).isEmpty();
    }

    @Test
    void wildcards_in_the_text_query_are_taken_literally() {
        Fixture f = Fixture.file();

        assertThat(ids("series", f.series1(), "q", "%")).isEmpty();
        assertThat(ids("series", f.series1(), "q", "_")).isEmpty();
        assertThat(ids("series", f.series1(), "q", "!")).isEmpty();
        assertThat(ids("series", f.series1(), "q", "评委会")).isNotEmpty();
    }

    @Test
    void empty_filters_count_as_absent() {
        Fixture f = Fixture.file();
        assertThat(ids("series", f.series1(), "level", "", "status", " ", "q", "")).containsExactly(f.c1(), f.c2(), f.c5(), f.c6());
    }

    @Test
    void pages_are_stable_in_id_order_and_cover_the_set_once() {
        String series = Committees.unique("分页");
        List<Long> filed = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            filed.add(Committees.file("TEST-A", Committees.with("series", series)));
        }

        List<Long> seen = new ArrayList<>();
        for (int page = 0; page < 3; page++) {
            JsonPath json = list("series", series, "size", "2", "page", String.valueOf(page)).then().statusCode(200).extract().jsonPath();
            assertThat(json.getLong("total")).isEqualTo(5);
            assertThat(json.getInt("page")).isEqualTo(page);
            assertThat(json.getInt("size")).isEqualTo(2);
            seen.addAll(json.getList("items.id", Long.class));
        }
        assertThat(seen).containsExactlyElementsOf(filed).isSorted();
        assertThat(list("series", series, "size", "2", "page", "1").asString())
                .isEqualTo(list("series", series, "size", "2", "page", "1").asString());
        JsonPath past = list("series", series, "size", "2", "page", "3").then().statusCode(200).extract().jsonPath();
        assertThat(past.getList("items")).isEmpty();
        assertThat(past.getLong("total")).isEqualTo(5);
    }

    @Test
    void the_default_page_is_the_first_twenty_and_a_hundred_is_the_largest() {
        assertThat(given().get("/api/v1/committees").then().statusCode(200).extract().jsonPath().getInt("size")).isEqualTo(20);
        assertThat(list("size", "100").then().statusCode(200).extract().jsonPath().getInt("size")).isEqualTo(100);
    }

    @ParameterizedTest(name = "{0}={1} is a 400 naming {0}")
    @CsvSource({"size,101", "size,0", "size,-5", "size,ten", "size,99999999999", "page,-1", "page,x", "page,10001", "level,JUNIOR",
        "status,CLOSED"})
    void an_invalid_query_parameter_is_a_400_naming_it(String name, String value) {
        JsonPath problem = Problems.assertProblem(list(name, value), 400, "/problems/invalid-query");
        assertThat(problem.getList("'invalid-params'.name", String.class)).containsExactly(name);
    }

    @Test
    void several_invalid_query_parameters_are_named_together() {
        JsonPath problem = Problems.assertProblem(list("size", "500", "page", "-1", "level", "X"), 400, "/problems/invalid-query");
        assertThat(problem.getList("'invalid-params'.name", String.class)).containsExactlyInAnyOrder("size", "page", "level");
    }

    @Test
    void the_list_is_cacheable_and_revalidates_with_304() {
        Fixture f = Fixture.file();
        Response first = list("series", f.series1());
        String etag = first.header("ETag");

        assertThat(first.header("Cache-Control")).isEqualTo("public, max-age=60");
        assertThat(etag).matches("\"[A-Za-z0-9_-]{22}\"");
        Response revalidated = list(Map.of("If-None-Match", etag), "series", f.series1());
        revalidated.then().statusCode(304).header("ETag", etag).header("Cache-Control", "public, max-age=60");
        assertThat(revalidated.asString()).isEmpty();
        list(Map.of("If-None-Match", "W/" + etag), "series", f.series1()).then().statusCode(304);
        list(Map.of("If-None-Match", "\"other\", " + etag), "series", f.series1()).then().statusCode(304);
        list(Map.of("If-None-Match", "\"other\""), "series", f.series1()).then().statusCode(200).header("ETag", etag);
        assertThat(list("series", f.series2()).header("ETag")).isNotEqualTo(etag);
    }

    @Test
    void the_etag_of_a_list_changes_when_a_listed_committee_changes_and_only_then() {
        Fixture f = Fixture.file();
        String etag = list("series", f.series1()).header("ETag");

        JsonPath other = given().get("/api/v1/committees/" + f.c3()).then().extract().jsonPath();
        Committees.put(Committees.registrar("TEST-A"), f.c3(), republished(other, "contactPhone", "0931-7654321")).then().statusCode(200);
        list(Map.of("If-None-Match", etag), "series", f.series1()).then().statusCode(304);

        JsonPath listed = given().get("/api/v1/committees/" + f.c2()).then().extract().jsonPath();
        Committees.put(Committees.registrar("TEST-A"), f.c2(), republished(listed, "contactPhone", "0931-7654321")).then().statusCode(200);
        Response changed = list(Map.of("If-None-Match", etag), "series", f.series1());
        changed.then().statusCode(200);
        assertThat(changed.header("ETag")).isNotEqualTo(etag);
        assertThat(changed.jsonPath().getList("items.contactPhone", String.class)).contains("0931-7654321");
    }

    @Test
    void the_etag_of_a_list_changes_when_a_committee_leaves_the_filtered_set() {
        Fixture f = Fixture.file();
        String etag = list("series", f.series1(), "status", "ACTIVE").header("ETag");

        JsonPath c5 = given().get("/api/v1/committees/" + f.c5()).then().extract().jsonPath();
        Committees.put(Committees.registrar("TEST-A"), f.c5(), republished(c5, "status", "REVOKED")).then().statusCode(200);

        Response after = list(Map.of("If-None-Match", etag), "series", f.series1(), "status", "ACTIVE");
        after.then().statusCode(200);
        assertThat(after.jsonPath().getList("items.id", Long.class)).containsExactly(f.c1(), f.c6());
    }

    @Test
    void a_change_made_straight_in_the_database_is_listed_within_the_version_check_interval() throws Exception {
        Fixture f = Fixture.file();
        String etag = list("series", f.series2()).header("ETag");

        Database.update("UPDATE committee SET contact_address = '直接修改的地址' WHERE id = " + f.c4());
        long changedAt = System.nanoTime();

        Response after;
        do {
            Thread.sleep(20);
            after = list(Map.of("If-None-Match", etag), "series", f.series2());
        } while (after.statusCode() == 304 && System.nanoTime() - changedAt < Duration.ofSeconds(10).toNanos());
        after.then().statusCode(200);
        assertThat(after.jsonPath().getList("items.contactAddress", String.class)).contains("直接修改的地址");
        // the interval is 0.5 s; the rest is slack for a busy machine
        assertThat(Duration.ofNanos(System.nanoTime() - changedAt)).isLessThan(Duration.ofSeconds(3));
    }

    @Test
    void one_committee_is_cacheable_revalidates_with_304_and_gets_a_new_etag_when_it_changes() {
        Map<String, Object> body = Committees.body();
        long id = Committees.file("TEST-A", body);
        Response first = given().get("/api/v1/committees/" + id);
        String etag = first.header("ETag");
        first.then().statusCode(200).header("Cache-Control", "public, max-age=60");

        given().header("If-None-Match", etag).get("/api/v1/committees/" + id).then().statusCode(304).header("ETag", etag);
        Committees.put(Committees.registrar("TEST-A"), id, Committees.with(body, "name", "测试省工程系列正高级职称评审委员会")).then().statusCode(200);

        Response changed = given().header("If-None-Match", etag).get("/api/v1/committees/" + id);
        changed.then().statusCode(200);
        assertThat(changed.header("ETag")).isNotEqualTo(etag);
        assertThat(changed.jsonPath().getString("name")).isEqualTo("测试省工程系列正高级职称评审委员会");
    }

    @Test
    void the_list_publishes_exactly_the_public_fields_and_nothing_about_members_or_internals() {
        Fixture f = Fixture.file();
        Response response = list("series", f.series1());
        JsonPath json = response.jsonPath();

        assertThat(json.getMap("$").keySet()).containsExactlyInAnyOrder("items", "page", "size", "total");
        List<Map<String, Object>> items = json.getList("items");
        assertThat(items).hasSize(4).allSatisfy(item -> assertThat(item.keySet()).isEqualTo(Committees.PUBLISHED));
        assertNothingInternal(response.asString());
    }

    @Test
    void one_committee_publishes_exactly_the_public_fields_and_nothing_about_members_or_internals() {
        long id = Committees.file("TEST-A", Committees.body());
        Response response = given().get("/api/v1/committees/" + id);

        assertThat(response.jsonPath().getMap("$").keySet()).isEqualTo(Committees.PUBLISHED);
        assertNothingInternal(response.asString());
    }

    @ParameterizedTest(name = "committee ''{0}'' is a 404 problem")
    @CsvSource({"999999999", "0", "-1", "abc", "99999999999999999999999"})
    void an_unknown_committee_is_a_404_problem(String id) {
        Problems.assertProblem(given().get("/api/v1/committees/" + id), 404, "/problems/not-found");
    }

    @Test
    void reading_needs_no_token() {
        long id = Committees.file("TEST-A", Committees.body());
        given().get("/api/v1/committees").then().statusCode(200);
        given().get("/api/v1/committees/" + id).then().statusCode(200);
    }

    private static void assertNothingInternal(String body) {
        assertThat(body.toLowerCase()).doesNotContain("member", "委员名单", "version", "createdat", "updatedat", "authorityid",
                "authority_id", "actor", "subject");
    }

    /** The published fields of a committee as a request body, with one changed. */
    private static Map<String, Object> republished(JsonPath committee, String field, Object value) {
        Map<String, Object> body = new java.util.LinkedHashMap<>(committee.getMap("$"));
        body.remove("id");
        body.remove("authority");
        body.put(field, value);
        return body;
    }

    private static List<Long> ids(String... query) {
        return list(query).then().statusCode(200).extract().jsonPath().getList("items.id", Long.class);
    }

    private static Response list(String... query) {
        return list(Map.of(), query);
    }

    private static Response list(Map<String, String> headers, String... query) {
        RequestSpecification request = given().headers(headers);
        boolean sized = false;
        for (int i = 0; i < query.length; i += 2) {
            request.queryParam(query[i], query[i + 1]);
            sized |= query[i].equals("size");
        }
        if (!sized) {
            // larger than any fixture, so a filter's whole result is on the first page
            request.queryParam("size", "100");
        }
        return request.when().get("/api/v1/committees");
    }
}
