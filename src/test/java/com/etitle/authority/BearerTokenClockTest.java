package com.etitle.authority;

import static io.restassured.RestAssured.given;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import com.etitle.support.Api;
import com.etitle.support.Problems;
import com.etitle.support.Requests;
import com.etitle.support.Tokens;

import io.quarkus.test.junit.QuarkusTest;

/** A bearer token is taken only if its identity provider issued it by now, give or take the 30 s clock skew. */
@QuarkusTest
class BearerTokenClockTest {

    private static String certificate() {
        return "/api/v1/certificates/" + Api.issue("TEST-A", Requests.engineer()).getString("number");
    }

    @Test
    void a_token_issued_now_is_accepted() {
        given().auth().oauth2(Tokens.issuerIssuedAt("TEST-A", Instant.now())).when().get(certificate()).then().statusCode(200);
    }

    @Test
    void a_token_issued_a_little_ahead_within_the_clock_skew_is_accepted() {
        given().auth().oauth2(Tokens.issuerIssuedAt("TEST-A", Instant.now().plusSeconds(10))).when().get(certificate()).then().statusCode(200);
    }

    @Test
    void a_token_issued_a_day_in_the_future_is_unauthenticated() {
        String path = certificate();
        Problems.assertProblem(given().auth().oauth2(Tokens.issuerIssuedAt("TEST-A", Instant.now().plus(Duration.ofDays(1))))
                .when().get(path), 401, "/problems/unauthenticated");
    }

    @Test
    void a_token_issued_beyond_the_clock_skew_is_unauthenticated() {
        String path = certificate();
        Problems.assertProblem(given().auth().oauth2(Tokens.issuerIssuedAt("TEST-A", Instant.now().plusSeconds(120)))
                .when().get(path), 401, "/problems/unauthenticated");
    }
}
