package com.etitle.certificate;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import com.etitle.support.Problems;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;

/** The bench's primary-key route is not there unless {@code etitle.bench.routes=true}: it answers as an unknown path does. */
@QuarkusTest
class CertificateRowBenchResourceTest {

    @Test
    void without_the_bench_property_the_route_answers_like_a_path_that_does_not_exist() {
        Response route = given().when().get("/bench/certificate-row/1");
        Response unknown = given().when().get("/bench/no-such-route/1");

        JsonPath routeProblem = Problems.assertProblem(route, 404, "/problems/not-found");
        JsonPath unknownProblem = Problems.assertProblem(unknown, 404, "/problems/not-found");
        assertThat(routeProblem.getString("detail")).isEqualTo(unknownProblem.getString("detail"));
        assertThat(routeProblem.getString("title")).isEqualTo(unknownProblem.getString("title"));
        assertThat(route.header("Cache-Control")).isEqualTo(unknown.header("Cache-Control"));
    }
}
