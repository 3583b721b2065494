package com.etitle.holder;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.etitle.crypto.Hashes;
import com.etitle.support.Api;
import com.etitle.support.Database;
import com.etitle.support.IdCards;
import com.etitle.support.Problems;
import com.etitle.support.Requests;
import com.etitle.support.TestClock;
import com.etitle.support.Tokens;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;

/** Verification grants (加注): at most 90 days, at most 3 active at a time, ended at once by the holder. */
@QuarkusTest
class GrantTest {

    private static final String ME = "/api/v1/me/certificates";

    @Inject
    TestClock clock;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    record Held(String id, String number, String code, String name) {
    }

    private static Held held() {
        String id = IdCards.next();
        JsonPath issued = Api.issue("TEST-A", Requests.with("holderIdNumber", id));
        return new Held(id, issued.getString("number"), issued.getString("verificationCode"), issued.getString("holderName"));
    }

    private static Response grant(Held h, Object body) {
        return given().auth().oauth2(Tokens.holder(h.id())).contentType(ContentType.JSON).body(body)
                .when().post(ME + "/" + h.number() + "/grants");
    }

    private static JsonPath made(Held h, String verifier, int days) {
        return grant(h, Map.of("verifierName", verifier, "purpose", "入职资格审核", "validityDays", days))
                .then().statusCode(201).extract().jsonPath();
    }

    private static Map<String, Object> verifyGrant(String code) {
        Map<String, Object> answer = new HashMap<>(Api.verify(Map.of("grant", code)).getMap(""));
        answer.remove("checkedAt");
        return answer;
    }

    @Test
    void a_grant_has_a_code_of_at_least_128_random_bits_a_share_link_and_verifies_with_its_purpose_and_verifier() {
        Held h = held();
        Response response = grant(h, Map.of("verifierName", "示范市建筑工程有限公司", "purpose", "入职资格审核", "validityDays", 30));
        assertThat(response.statusCode()).isEqualTo(201);
        assertThat(response.header("Cache-Control")).isEqualTo("no-store");
        JsonPath g = response.jsonPath();
        String code = g.getString("code");
        assertThat(code).matches("[A-Z2-7]{32}");
        assertThat(code.length() * 5).as("bits of the code").isGreaterThanOrEqualTo(128);
        assertThat(g.getString("shareUrl")).endsWith("/verify#grant=" + code);
        assertThat(g.getString("state")).isEqualTo("ACTIVE");
        assertThat(Duration.between(Instant.parse(g.getString("createdAt")), Instant.parse(g.getString("expiresAt")))).isEqualTo(Duration.ofDays(30));
        assertThat(response.header("Location")).endsWith(ME + "/" + h.number() + "/grants/" + g.getString("id"));

        JsonPath answer = Api.verify(Map.of("grant", code));
        assertThat(answer.getString("result")).isEqualTo("VALID");
        assertThat(answer.getString("method")).isEqualTo("GRANT");
        assertThat(answer.getString("certificate.certificateNumber")).isEqualTo(h.number());
        assertThat(answer.getString("grant.verifierName")).isEqualTo("示范市建筑工程有限公司");
        assertThat(answer.getString("grant.purpose")).isEqualTo("入职资格审核");
        assertThat(answer.getMap("certificate")).doesNotContainKeys("holderIdNumber", "holderIdNumberMasked", "verificationCode", "workUnit");
        // the code is read case-blind and with the spaces or hyphens people add when they type it
        String typed = code.substring(0, 8).toLowerCase() + " " + code.substring(8, 16) + "-" + code.substring(16);
        assertThat(Api.verify(Map.of("grant", typed)).getString("result")).isEqualTo("VALID");
    }

    @Test
    void only_the_sha256_of_a_grant_code_is_stored() {
        Held h = held();
        JsonPath g = made(h, "某单位", 7);
        String code = g.getString("code");
        String id = g.getString("id");
        assertThat(Database.string("SELECT encode(code_hash, 'hex') FROM verification_grant WHERE id = '" + id + "'"))
                .isEqualTo(HexFormat.of().formatHex(Hashes.sha256(code.getBytes())));
        assertThat(Database.count("SELECT count(*) FROM verification_grant g WHERE g::text LIKE '%" + code + "%'")).isZero();
        assertThat(Database.count("SELECT count(*) FROM audit_entry a WHERE a::text LIKE '%" + code + "%'")).isZero();
        JsonPath listed = given().auth().oauth2(Tokens.holder(h.id())).when().get(ME + "/" + h.number() + "/grants")
                .then().statusCode(200).extract().jsonPath();
        assertThat(listed.getList("id", String.class)).containsExactly(id);
        assertThat(listed.prettify()).doesNotContain(code).doesNotContain("shareUrl");
    }

    @Test
    void a_fourth_active_grant_is_refused_and_ending_one_makes_room() {
        Held h = held();
        List<String> ids = new ArrayList<>();
        for (int i = 1; i <= 3; i++) {
            ids.add(made(h, "单位" + i, 10 * i).getString("id"));
        }
        JsonPath refused = Problems.assertProblem(grant(h, Map.of("verifierName", "单位4", "purpose", "入职", "validityDays", 5)), 409,
                "/problems/grant-limit");
        assertThat(refused.getString("detail")).contains("3 active grants");
        assertThat(Database.count("SELECT count(*) FROM verification_grant g JOIN certificate c ON c.id = g.certificate_id WHERE c.number = '"
                + h.number() + "'")).isEqualTo(3);

        given().auth().oauth2(Tokens.holder(h.id())).when().delete(ME + "/" + h.number() + "/grants/" + ids.get(1)).then().statusCode(204);
        made(h, "单位4", 5);
    }

    @Test
    void concurrent_requests_never_make_more_than_three_active_grants() throws Exception {
        Held h = held();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<Integer>> calls = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                int n = i;
                calls.add(() -> grant(h, Map.of("verifierName", "并发" + n, "purpose", "入职", "validityDays", 3)).statusCode());
            }
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> f : pool.invokeAll(calls)) {
                statuses.add(f.get());
            }
            assertThat(statuses).containsOnly(201, 409);
            assertThat(statuses.stream().filter(s -> s == 201).count()).isEqualTo(3);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void validity_must_be_1_to_90_days_and_verifier_and_purpose_are_required() {
        Held h = held();
        for (Object days : new Object[] {0, 91, -1}) {
            JsonPath p = Problems.assertProblem(grant(h, Map.of("verifierName", "某单位", "purpose", "入职", "validityDays", days)), 422,
                    "/problems/validation-failed");
            assertThat(p.getString("'invalid-params'[0].name")).isEqualTo("validityDays");
        }
        JsonPath p = Problems.assertProblem(grant(h, Map.of("validityDays", 90)), 422, "/problems/validation-failed");
        assertThat(p.getList("'invalid-params'.name", String.class)).containsExactlyInAnyOrder("verifierName", "purpose");
        Problems.assertProblem(grant(h, "{\"verifierName\":\"某单位\",\"purpose\":\"入职\",\"validityDays\":\"thirty\"}"), 400,
                "/problems/malformed-request");
        made(h, "某单位", 90);
        made(h, "某单位", 1);
        assertThat(Database.count("SELECT count(*) FROM verification_grant g JOIN certificate c ON c.id = g.certificate_id WHERE c.number = '"
                + h.number() + "'")).as("refused requests wrote nothing").isEqualTo(2);
    }

    @Test
    void an_expired_an_ended_and_an_unknown_grant_answer_exactly_like_a_wrong_code() {
        Held h = held();
        Instant start = Instant.parse("2026-11-21T02:00:00Z");
        clock.set(start);
        String expiring = made(h, "到期单位", 1).getString("code");
        JsonPath ended = made(h, "收回单位", 30);
        assertThat(verifyGrant(expiring)).containsEntry("result", "VALID");

        clock.set(start.plus(Duration.ofDays(1)).minusSeconds(1));
        assertThat(verifyGrant(expiring)).as("one second before expiry").containsEntry("result", "VALID");
        clock.set(start.plus(Duration.ofDays(1)));
        Map<String, Object> expired = verifyGrant(expiring);

        given().auth().oauth2(Tokens.holder(h.id())).when().delete(ME + "/" + h.number() + "/grants/" + ended.getString("id"))
                .then().statusCode(204);
        Map<String, Object> endedAnswer = verifyGrant(ended.getString("code"));
        Map<String, Object> unknown = verifyGrant("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA");

        assertThat(expired).containsEntry("result", "NO_MATCH").containsEntry("valid", false).containsEntry("certificate", null)
                .containsEntry("grant", null);
        assertThat(endedAnswer).isEqualTo(expired);
        assertThat(unknown).isEqualTo(expired);
        Map<String, Object> wrongCode = new HashMap<>(Api.verify(Map.of("certificateNumber", h.number(), "holderName", h.name(),
                "verificationCode", "WRONG123")).getMap(""));
        wrongCode.remove("checkedAt");
        wrongCode.remove("method");
        Map<String, Object> grantAnswer = new HashMap<>(expired);
        grantAnswer.remove("method");
        assertThat(grantAnswer).as("the same answer as a wrong verification code").isEqualTo(wrongCode);

        JsonPath listed = given().auth().oauth2(Tokens.holder(h.id())).when().get(ME + "/" + h.number() + "/grants")
                .then().statusCode(200).extract().jsonPath();
        assertThat(listed.getList("state", String.class)).containsExactlyInAnyOrder("ENDED", "EXPIRED");
    }

    @Test
    void ending_a_grant_is_immediate_idempotent_and_only_for_the_holders_own_grants() {
        Held h = held();
        Held other = held();
        JsonPath g = made(h, "某单位", 30);
        String path = ME + "/" + h.number() + "/grants/" + g.getString("id");
        Problems.assertProblem(given().auth().oauth2(Tokens.holder(other.id())).when().delete(path), 404, "/problems/not-found");
        Problems.assertProblem(given().auth().oauth2(Tokens.holder(other.id())).when()
                .delete(ME + "/" + other.number() + "/grants/" + g.getString("id")), 404, "/problems/not-found");
        assertThat(verifyGrant(g.getString("code"))).containsEntry("result", "VALID");

        given().auth().oauth2(Tokens.holder(h.id())).when().delete(path).then().statusCode(204);
        assertThat(verifyGrant(g.getString("code"))).containsEntry("result", "NO_MATCH");
        given().auth().oauth2(Tokens.holder(h.id())).when().delete(path).then().statusCode(204);
        Problems.assertProblem(given().auth().oauth2(Tokens.holder(h.id())).when().delete(ME + "/" + h.number() + "/grants/not-a-uuid"), 404,
                "/problems/not-found");
    }

    @Test
    void a_certificate_that_is_not_valid_cannot_be_shared_and_its_grants_verify_as_not_valid() {
        Held h = held();
        String code = made(h, "某单位", 30).getString("code");
        given().auth().oauth2(Tokens.issuer("TEST-A")).contentType(ContentType.JSON).body("{}")
                .when().post("/api/v1/certificates/" + h.number() + "/suspension").then().statusCode(200);
        assertThat(verifyGrant(code)).containsEntry("result", "CERTIFICATE_NOT_VALID");
        Problems.assertProblem(grant(h, Map.of("verifierName", "某单位", "purpose", "入职", "validityDays", 5)), 409,
                "/problems/status-conflict");
    }
}
