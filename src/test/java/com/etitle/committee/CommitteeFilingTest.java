package com.etitle.committee;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import com.etitle.common.ClockProducer;
import com.etitle.support.Database;
import com.etitle.support.Problems;
import com.etitle.support.Tokens;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;

@QuarkusTest
class CommitteeFilingTest {

    @Test
    void a_registrar_files_a_committee_which_the_public_then_reads() {
        Map<String, Object> body = Committees.with("code", "gc-" + Committees.unique("x"));
        Response filed = Committees.post(Committees.registrar("TEST-A"), body);

        filed.then().statusCode(201).header("Cache-Control", "no-store");
        long id = filed.jsonPath().getLong("id");
        assertThat(filed.header("Location")).endsWith("/api/v1/committees/" + id);
        assertThat(filed.header("ETag")).matches("\"[A-Za-z0-9_-]{22}\"");
        assertThat(filed.jsonPath().getString("code")).as("stored upper-case").isEqualTo(body.get("code").toString().toUpperCase());
        assertThat(filed.jsonPath().getString("authority")).isEqualTo("TEST-A");

        Response read = given().when().get("/api/v1/committees/" + id);
        read.then().statusCode(200);
        assertThat(read.asString()).isEqualTo(filed.asString());
        assertThat(read.header("ETag")).isEqualTo(filed.header("ETag"));
        assertThat(read.jsonPath().getString("name")).isEqualTo("测试省工程系列高级职称评审委员会");
        assertThat(read.jsonPath().getString("level")).isEqualTo("SENIOR");
        assertThat(read.jsonPath().getString("contactPhone")).isEqualTo("0931-8123456");
        assertThat(read.jsonPath().getString("establishedOn")).isEqualTo("2018-09-01");
    }

    @Test
    void filing_is_recorded_in_the_audit_log_with_who_and_what() {
        long id = Committees.file("TEST-A", Committees.body());

        String where = " FROM audit_entry WHERE action = 'committee.filed' AND subject = 'committee/" + id + "'";
        assertThat(Database.count("SELECT count(*)" + where)).isEqualTo(1);
        assertThat(Database.string("SELECT actor" + where)).isEqualTo("someone@TEST-A");
        assertThat(Database.string("SELECT authority_code" + where)).isEqualTo("TEST-A");
        assertThat(Database.string("SELECT detail" + where)).contains("\"status\":\"ACTIVE\"");
    }

    @Test
    void a_full_update_replaces_the_fields_and_is_audited_with_what_changed() {
        Map<String, Object> body = Committees.body();
        long id = Committees.file("TEST-A", body);
        Map<String, Object> changed = Committees.with(Committees.with(body, "status", "SUSPENDED"), "contactPhone", "13912345678");

        Response updated = Committees.put(Committees.registrar("TEST-A"), id, changed);

        updated.then().statusCode(200).header("Cache-Control", "no-store");
        assertThat(updated.jsonPath().getString("status")).isEqualTo("SUSPENDED");
        JsonPath read = given().get("/api/v1/committees/" + id).then().statusCode(200).extract().jsonPath();
        assertThat(read.getString("status")).isEqualTo("SUSPENDED");
        assertThat(read.getString("contactPhone")).isEqualTo("13912345678");
        assertThat(Database.count("SELECT version FROM committee WHERE id = " + id)).isEqualTo(1);
        String detail = Database.string("SELECT detail FROM audit_entry WHERE action = 'committee.updated' AND subject = 'committee/" + id + "'");
        assertThat(detail).contains("\"changed\":[\"contactPhone\",\"status\"]", "\"statusBefore\":\"ACTIVE\"", "\"status\":\"SUSPENDED\"");
    }

    @Test
    void an_update_that_changes_nothing_writes_nothing() {
        Map<String, Object> body = Committees.body();
        Response filed = Committees.post(Committees.registrar("TEST-A"), body);
        long id = filed.jsonPath().getLong("id");
        long audit = Database.count("SELECT count(*) FROM audit_entry");

        Response again = Committees.put(Committees.registrar("TEST-A"), id, body);

        again.then().statusCode(200);
        assertThat(again.header("ETag")).isEqualTo(filed.header("ETag"));
        assertThat(Database.count("SELECT version FROM committee WHERE id = " + id)).isZero();
        assertThat(Database.count("SELECT count(*) FROM audit_entry")).isEqualTo(audit);
    }

    @Test
    void an_update_with_the_current_etag_in_if_match_is_accepted() {
        Map<String, Object> body = Committees.body();
        Response filed = Committees.post(Committees.registrar("TEST-A"), body);
        long id = filed.jsonPath().getLong("id");

        given().auth().oauth2(Committees.registrar("TEST-A")).header("If-Match", filed.header("ETag")).contentType(ContentType.JSON)
                .body(Committees.with(body, "region", "天水市")).put("/api/v1/committees/" + id)
                .then().statusCode(200);
    }

    @Test
    void an_update_with_a_stale_etag_in_if_match_is_refused_with_412_and_changes_nothing() {
        Map<String, Object> body = Committees.body();
        Response filed = Committees.post(Committees.registrar("TEST-A"), body);
        long id = filed.jsonPath().getLong("id");
        Committees.put(Committees.registrar("TEST-A"), id, Committees.with(body, "region", "天水市")).then().statusCode(200);

        Response stale = given().auth().oauth2(Committees.registrar("TEST-A")).header("If-Match", filed.header("ETag"))
                .contentType(ContentType.JSON).body(Committees.with(body, "region", "白银市")).put("/api/v1/committees/" + id);

        Problems.assertProblem(stale, 412, "/problems/precondition-failed");
        assertThat(Database.string("SELECT region FROM committee WHERE id = " + id)).isEqualTo("天水市");
    }

    @Test
    void several_invalid_fields_are_all_named_in_one_422_and_nothing_is_written() {
        Map<String, Object> body = Committees.body();
        body.put("name", " ");
        body.put("code", "有 空格");
        body.put("level", "JUNIOR");
        body.put("contactPhone", "call us");
        body.put("status", "CLOSED");
        body.put("establishedOn", LocalDate.now(ClockProducer.CHINA).plusDays(2).toString());
        body.remove("filingNumber");
        long committees = Database.count("SELECT count(*) FROM committee");
        long audit = Database.count("SELECT count(*) FROM audit_entry");

        JsonPath problem = Problems.assertProblem(Committees.post(Committees.registrar("TEST-A"), body), 422, "/problems/validation-failed");

        assertThat(problem.getList("'invalid-params'.name", String.class))
                .containsExactlyInAnyOrder("name", "code", "level", "contactPhone", "status", "establishedOn", "filingNumber");
        assertThat(Database.count("SELECT count(*) FROM committee")).isEqualTo(committees);
        assertThat(Database.count("SELECT count(*) FROM audit_entry")).isEqualTo(audit);
    }

    @ParameterizedTest(name = "{0} = ''{1}'' is rejected")
    @CsvSource(delimiter = '|', value = {
        "name|", "code|", "code|-LEADING-HYPHEN", "code|ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456", "level|", "level|FULL_SENIOR",
        "series|", "specialtyScope|", "managingDepartment|", "approvingAuthority|", "region|", "contactPhone|",
        "contactPhone|12345678", "contactPhone|139123456789", "contactPhone|+1 212 555 0100", "contactAddress|", "filingNumber|",
        "status|", "status|DISSOLVED", "establishedOn|", "establishedOn|2018-02-30", "establishedOn|01/09/2018",
        "establishedOn|1949-09-30", "establishedOn|2999-01-01"})
    void each_invalid_field_is_named(String field, String value) {
        JsonPath problem = Problems.assertProblem(Committees.post(Committees.registrar("TEST-A"), Committees.with(field, value)),
                422, "/problems/validation-failed");
        assertThat(problem.getList("'invalid-params'.name", String.class)).containsExactly(field);
    }

    @Test
    void a_committee_established_today_is_accepted_but_tomorrow_is_not() {
        LocalDate today = LocalDate.now(ClockProducer.CHINA);
        Committees.post(Committees.registrar("TEST-A"), Committees.with("establishedOn", today.toString())).then().statusCode(201);
        JsonPath problem = Problems.assertProblem(
                Committees.post(Committees.registrar("TEST-A"), Committees.with("establishedOn", today.plusDays(1).toString())),
                422, "/problems/validation-failed");
        assertThat(problem.getString("'invalid-params'[0].name")).isEqualTo("establishedOn");
    }

    @ParameterizedTest(name = "a list of members under ''{0}'' is refused with 400 naming it")
    @ValueSource(strings = {"members", "memberList"})
    void a_list_of_members_is_refused_as_an_unknown_field(String field) {
        Map<String, Object> body = Committees.with(field, List.of(Map.of("name", "李四", "title", "正高级工程师")));
        long committees = Database.count("SELECT count(*) FROM committee");

        JsonPath problem = Problems.assertProblem(Committees.post(Committees.registrar("TEST-A"), body), 400, "/problems/malformed-request");

        assertThat(problem.getString("'invalid-params'[0].name")).isEqualTo(field);
        assertThat(Database.count("SELECT count(*) FROM committee")).isEqualTo(committees);
    }

    @Test
    void the_schema_has_nowhere_to_store_members() {
        assertThat(Database.count("SELECT count(*) FROM information_schema.columns WHERE table_schema = 'public' AND column_name ILIKE '%member%'")).isZero();
        assertThat(Database.count("SELECT count(*) FROM information_schema.tables WHERE table_schema = 'public' AND table_name ILIKE '%member%'")).isZero();
    }

    @Test
    void a_code_already_filed_by_the_authority_is_refused_with_409_whatever_its_case() {
        Map<String, Object> first = Committees.body();
        Committees.file("TEST-A", first);

        Response again = Committees.post(Committees.registrar("TEST-A"),
                Committees.with("code", first.get("code").toString().toLowerCase()));

        Problems.assertProblem(again, 409, "/problems/committee-code-taken");
    }

    @Test
    void another_authority_may_use_the_same_code() {
        Map<String, Object> body = Committees.body();
        Committees.file("TEST-A", body);
        Committees.post(Committees.registrar("TEST-B"), body).then().statusCode(201);
    }

    @Test
    void an_update_to_the_code_of_another_committee_of_the_authority_is_refused_with_409() {
        Map<String, Object> taken = Committees.body();
        Committees.file("TEST-A", taken);
        Map<String, Object> body = Committees.body();
        long id = Committees.file("TEST-A", body);

        Problems.assertProblem(Committees.put(Committees.registrar("TEST-A"), id, Committees.with(body, "code", taken.get("code"))),
                409, "/problems/committee-code-taken");
        assertThat(Database.string("SELECT code FROM committee WHERE id = " + id)).isEqualTo(body.get("code"));
    }

    @Test
    void concurrent_filings_of_one_code_file_exactly_one_committee() throws Exception {
        Map<String, Object> body = Committees.body();
        String token = Committees.registrar("TEST-A");
        ExecutorService pool = Executors.newFixedThreadPool(6);
        List<Integer> statuses = new ArrayList<>();
        try {
            List<Callable<Integer>> calls = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                calls.add(() -> Committees.post(token, body).statusCode());
            }
            for (Future<Integer> f : pool.invokeAll(calls)) {
                statuses.add(f.get());
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(statuses).containsOnly(201, 409).containsOnlyOnce(201);
        assertThat(Database.count("SELECT count(*) FROM committee WHERE code = '" + body.get("code") + "'")).isEqualTo(1);
    }

    @Test
    void another_authoritys_committee_answers_404_exactly_like_an_unknown_id_and_is_not_changed() {
        Map<String, Object> body = Committees.body();
        long id = Committees.file("TEST-A", body);

        Response foreign = Committees.put(Committees.registrar("TEST-B"), id, Committees.with(body, "status", "REVOKED"));
        Response unknown = Committees.put(Committees.registrar("TEST-B"), Long.MAX_VALUE / 2, Committees.with(body, "status", "REVOKED"));

        JsonPath foreignProblem = Problems.assertProblem(foreign, 404, "/problems/not-found");
        JsonPath unknownProblem = Problems.assertProblem(unknown, 404, "/problems/not-found");
        assertThat(foreignProblem.getString("detail")).isEqualTo(unknownProblem.getString("detail"));
        assertThat(Database.string("SELECT status FROM committee WHERE id = " + id)).isEqualTo("ACTIVE");
    }

    @Test
    void writes_without_a_token_are_401() {
        Response post = given().contentType(ContentType.JSON).body(Committees.body()).post("/api/v1/committees");
        Problems.assertProblem(post, 401, "/problems/unauthenticated");
        assertThat(post.header("WWW-Authenticate")).startsWith("Bearer");
        long id = Committees.file("TEST-A", Committees.body());
        Problems.assertProblem(given().contentType(ContentType.JSON).body(Committees.body()).put("/api/v1/committees/" + id),
                401, "/problems/unauthenticated");
    }

    @ParameterizedTest(name = "the {0} role may not file or update committees")
    @ValueSource(strings = {"issuer", "holder"})
    void issuers_and_holders_are_403_on_writes(String role) {
        Map<String, Object> body = Committees.body();
        long id = Committees.file("TEST-A", body);
        String token = Tokens.withRole(role, "TEST-A");

        Problems.assertProblem(Committees.post(token, Committees.body()), 403, "/problems/forbidden");
        Problems.assertProblem(Committees.put(token, id, Committees.with(body, "status", "REVOKED")), 403, "/problems/forbidden");
        assertThat(Database.string("SELECT status FROM committee WHERE id = " + id)).isEqualTo("ACTIVE");
    }

    @Test
    void a_registrar_of_an_authority_not_registered_here_is_403() {
        Problems.assertProblem(Committees.post(Committees.registrar("TEST-UNREGISTERED"), Committees.body()), 403, "/problems/forbidden");
    }
}
