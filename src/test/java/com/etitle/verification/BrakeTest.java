package com.etitle.verification;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.etitle.crypto.Hashes;
import com.etitle.support.Api;
import com.etitle.support.Database;
import com.etitle.support.IdCards;
import com.etitle.support.Problems;
import com.etitle.support.Publicity;
import com.etitle.support.Requests;
import com.etitle.support.Scrape;
import com.etitle.support.TestClock;
import com.etitle.support.Tokens;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;

/**
 * The brake on guessing, with small limits: 3 failures per certificate number and 5 per client address an hour. Each
 * request comes from the address in its X-Forwarded-For (trusted from loopback in tests), so tests act as many clients.
 */
@QuarkusTest
@TestProfile(BrakeTest.SmallLimits.class)
class BrakeTest {

    public static class SmallLimits implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("etitle.verification.brake.per-number", "3", "etitle.verification.brake.per-number-period", "1h",
                    "etitle.verification.brake.per-client", "5", "etitle.verification.brake.per-client-period", "1h");
        }
    }

    private static final String REFUSALS = "etitle_rate_limit_refusals_total";

    /** Certificates are issued at the real time; the brake runs on this fixed one, so Retry-After is exact. */
    private static final Instant NOW = Instant.parse("2026-11-30T09:00:00Z");

    @Inject
    TestClock clock;

    record Held(String number, String name, String code, String token, Object credential, String holderId, String licenceId) {
    }

    @BeforeEach
    void fixTime() {
        clock.set(NOW);
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void guesses_spread_over_many_addresses_brake_the_number_and_then_even_the_right_code_gets_429() {
        Held held = issue();
        Scrape before = Scrape.now();
        for (int i = 0; i < 3; i++) {
            assertThat(byCode(Publicity.newClient(), held.number(), held.name(), "WRONG" + i + "XY").jsonPath().getString("result"))
                    .isEqualTo("NO_MATCH");
        }

        Response wrong = byCode(Publicity.newClient(), held.number(), held.name(), "WRONG9XY");
        Response right = byCode(Publicity.newClient(), held.number(), held.name(), held.code());

        Problems.assertProblem(wrong, 429, "/problems/rate-limited");
        Problems.assertProblem(right, 429, "/problems/rate-limited");
        // the same answer but for each answer's own request id
        assertThat(right.asString().replace(right.header("X-Request-Id"), "")).isEqualTo(wrong.asString().replace(wrong.header("X-Request-Id"), ""));
        assertThat(right.header("Retry-After")).isEqualTo(wrong.header("Retry-After")).isEqualTo("1200");
        Scrape after = Scrape.now();
        assertThat(after.since(before, REFUSALS, "limiter", "verify-number")).as("refusals counted against the number").isEqualTo(2);
        assertThat(after.since(before, REFUSALS, "limiter", "verify-client")).isZero();
        Held other = issue();
        assertThat(byCode(Publicity.newClient(), other.number(), other.name(), other.code()).jsonPath().getString("result")).isEqualTo("VALID");
    }

    @Test
    void guesses_by_the_e_licence_identifier_and_by_the_number_count_against_the_one_number() {
        Held held = issue();
        byCode(Publicity.newClient(), held.licenceId(), held.name(), "WRONG0XY").then().statusCode(200);
        byCode(Publicity.newClient(), held.number(), held.name(), "WRONG1XY").then().statusCode(200);
        byCode(Publicity.newClient(), held.licenceId(), held.name(), "WRONG2XY").then().statusCode(200);

        Problems.assertProblem(byCode(Publicity.newClient(), held.number(), held.name(), held.code()), 429, "/problems/rate-limited");
        Problems.assertProblem(byCode(Publicity.newClient(), held.licenceId(), held.name(), held.code()), 429, "/problems/rate-limited");
        clock.advance(Duration.ofSeconds(1200));
        assertThat(byCode(Publicity.newClient(), held.licenceId(), held.name(), held.code()).jsonPath().getString("result"))
                .isEqualTo("VALID");
    }

    @Test
    void a_braked_number_takes_one_more_guess_when_retry_after_has_passed() {
        Held held = issue();
        for (int i = 0; i < 3; i++) {
            byCode(Publicity.newClient(), held.number(), held.name(), "WRONG" + i + "XY").then().statusCode(200);
        }
        Problems.assertProblem(byCode(Publicity.newClient(), held.number(), held.name(), held.code()), 429, "/problems/rate-limited");

        clock.advance(Duration.ofSeconds(1199));
        Problems.assertProblem(byCode(Publicity.newClient(), held.number(), held.name(), held.code()), 429, "/problems/rate-limited");
        clock.advance(Duration.ofSeconds(1));

        assertThat(byCode(Publicity.newClient(), held.number(), held.name(), held.code()).jsonPath().getString("result")).isEqualTo("VALID");
    }

    @Test
    void one_address_guessing_across_many_numbers_is_braked_and_other_addresses_are_not() {
        String guesser = Publicity.newClient();
        Scrape before = Scrape.now();
        for (int i = 0; i < 5; i++) {
            assertThat(byCode(guesser, "ZZ2026-0000-0000-000" + i, "王五", "ABCDEFGH").jsonPath().getString("result")).isEqualTo("NO_MATCH");
        }
        Held held = issue();

        Response braked = byCode(guesser, held.number(), held.name(), held.code());

        Problems.assertProblem(braked, 429, "/problems/rate-limited");
        assertThat(braked.header("Retry-After")).isEqualTo("720");
        Scrape after = Scrape.now();
        assertThat(after.since(before, REFUSALS, "limiter", "verify-client")).as("a refusal counted against the address").isEqualTo(1);
        assertThat(after.since(before, REFUSALS, "limiter", "verify-number")).isZero();
        assertThat(byCode(Publicity.newClient(), held.number(), held.name(), held.code()).jsonPath().getString("result")).isEqualTo("VALID");
    }

    @Test
    void successful_verifications_count_nothing() {
        Held held = issue();
        String client = Publicity.newClient();
        for (int i = 0; i < 8; i++) {
            assertThat(byCode(client, held.number(), held.name(), held.code()).jsonPath().getString("result")).isEqualTo("VALID");
        }
        assertThat(Database.count("SELECT count(*) FROM brake_bucket WHERE bucket_key IN ('" + key("verify-number", held.number())
                + "', '" + key("verify-client", client) + "')")).isZero();
    }

    @Test
    void signed_forms_and_a_working_grant_are_not_braked_while_number_and_client_are() {
        Held held = issue();
        String guesser = Publicity.newClient();
        // 3 failures brake the number, 2 more on other numbers brake the address
        for (int i = 0; i < 3; i++) {
            byCode(guesser, held.number(), held.name(), "WRONG" + i + "XY").then().statusCode(200);
        }
        for (int i = 0; i < 2; i++) {
            byCode(guesser, "ZZ2026-0000-0001-000" + i, held.name(), held.code()).then().statusCode(200);
        }
        Problems.assertProblem(byCode(guesser, held.number(), held.name(), held.code()), 429, "/problems/rate-limited");
        String grant = given().auth().oauth2(Tokens.holder(held.holderId())).contentType(ContentType.JSON)
                .body(Map.of("verifierName", "示范市建筑工程有限公司", "purpose", "入职资格审核", "validityDays", 30))
                .when().post("/api/v1/me/certificates/" + held.number() + "/grants").then().statusCode(201).extract().path("code");

        assertThat(post(guesser, Map.of("token", held.token())).jsonPath().getString("result")).isEqualTo("VALID");
        assertThat(post(guesser, Map.of("credential", held.credential())).jsonPath().getString("result")).isEqualTo("VALID");
        assertThat(post(guesser, Map.of("grant", grant)).jsonPath().getString("result")).isEqualTo("VALID");
        Problems.assertProblem(post(guesser, Map.of("grant", "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")), 429, "/problems/rate-limited");
        assertThat(post(Publicity.newClient(), Map.of("grant", "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")).jsonPath().getString("result"))
                .isEqualTo("NO_MATCH");
    }

    @Test
    void failed_grant_look_ups_are_braked_per_address() {
        String guesser = Publicity.newClient();
        for (int i = 0; i < 5; i++) {
            assertThat(post(guesser, Map.of("grant", "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAA" + i)).jsonPath().getString("result")).isEqualTo("NO_MATCH");
        }

        Problems.assertProblem(post(guesser, Map.of("grant", "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAA9")), 429, "/problems/rate-limited");
        assertThat(post(Publicity.newClient(), Map.of("grant", "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAA9")).jsonPath().getString("result"))
                .isEqualTo("NO_MATCH");
    }

    @Test
    void the_count_lives_in_postgresql_keyed_by_digest_so_every_replica_and_a_restart_see_it() throws SQLException {
        Held held = issue();
        byCode(Publicity.newClient(), held.number(), held.name(), "WRONG0XY").then().statusCode(200);
        byCode(Publicity.newClient(), held.number(), held.name(), "WRONG1XY").then().statusCode(200);

        assertThat(Database.string("SELECT tokens FROM brake_bucket WHERE bucket_key = '" + key("verify-number", held.number()) + "'"))
                .isEqualTo("1");
        assertThat(Database.count("SELECT count(*) FROM brake_bucket WHERE bucket_key LIKE '%" + held.number() + "%'")).isZero();

        // another replica's failures are written to the same row; this one then brakes the number as well
        Database.update("UPDATE brake_bucket SET tokens = 0 WHERE bucket_key = '" + key("verify-number", held.number()) + "'");
        Problems.assertProblem(byCode(Publicity.newClient(), held.number(), held.name(), held.code()), 429, "/problems/rate-limited");
    }

    private static Held issue() {
        String id = IdCards.next();
        JsonPath issued = Api.issue("TEST-A", Requests.with("holderIdNumber", id));
        return new Held(issued.getString("number"), issued.getString("holderName"), issued.getString("verificationCode"),
                issued.getString("token"), issued.get("credential"), id, issued.getString("licenceId"));
    }

    private static Response byCode(String client, String number, String name, String code) {
        return post(client, Map.of("certificateNumber", number, "holderName", name, "verificationCode", code));
    }

    private static Response post(String client, Object body) {
        return given().header("X-Forwarded-For", client).contentType(ContentType.JSON).body(body).when().post("/api/v1/verifications");
    }

    /** How the store names a bucket: the limit and a digest of what it counts, never the number or address itself. */
    private static String key(String limit, String value) {
        return limit + ":" + Base64.getUrlEncoder().withoutPadding().encodeToString(Hashes.sha256(value.getBytes(StandardCharsets.UTF_8)));
    }
}
