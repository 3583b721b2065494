package com.etitle.common;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.function.Supplier;
import java.util.stream.Stream;

import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import com.etitle.support.Problems;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

/** Requests that reach no operation are answered in the same problem+json shape as the API's own errors. */
@QuarkusTest
class ProblemDetailsTest {

    private static final String NUMBER_FORM = "{\"certificateNumber\":\"20260000000000000\",\"holderName\":\"张三\",\"verificationCode\":\"ABCDEFGH\"}";

    @Test
    void a_well_formed_request_to_a_known_operation_is_answered_with_json_not_a_problem() {
        Response response = given().contentType(ContentType.JSON).body(NUMBER_FORM).when().post("/api/v1/verifications");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(Problems.mediaType(response)).isEqualTo("application/json");
        assertThat(response.jsonPath().getString("result")).isEqualTo("NO_MATCH");
    }

    static Stream<Arguments> requestsThatReachNoOperation() {
        return Stream.of(
                request("an unknown API path", 404, "/problems/not-found",
                        () -> given().when().get("/api/v1/no-such-resource")),
                request("an unknown path outside the API", 404, "/problems/not-found",
                        () -> given().when().get("/no-such-page")),
                request("a method the resource does not have", 405, "/problems/method-not-allowed",
                        () -> given().when().delete("/api/v1/verifications")),
                request("a body that is not JSON", 415, "/problems/unsupported-media-type",
                        () -> given().contentType(ContentType.TEXT).body(NUMBER_FORM).when().post("/api/v1/verifications")),
                request("an Accept the resource cannot answer", 406, "/problems/not-acceptable",
                        () -> given().accept(ContentType.XML).contentType(ContentType.JSON).body(NUMBER_FORM)
                                .when().post("/api/v1/verifications")));
    }

    @ParameterizedTest(name = "{0} answers {1}")
    @MethodSource("requestsThatReachNoOperation")
    void a_request_that_reaches_no_operation_is_answered_with_a_problem(Supplier<Response> request, int status, String type) {
        Response response = request.get();

        Problems.assertProblem(response, status, type);
        assertThat(response.jsonPath().getString("detail")).isNotBlank();
    }

    private static Arguments request(String what, int status, String type, Supplier<Response> request) {
        return Arguments.of(Named.of(what, request), status, type);
    }
}
