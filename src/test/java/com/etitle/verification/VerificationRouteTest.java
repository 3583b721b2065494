package com.etitle.verification;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import com.etitle.support.Requests;
import com.etitle.support.Tokens;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

/**
 * A token or credential in plain JSON is answered by {@link VerificationRoute}, anything else by the resource; a
 * caller cannot tell which. Each request is sent twice: as most clients send it (the route's), and with an
 * {@code Accept} listing more than JSON, which the route leaves to the resource. Status, headers and answer must be
 * the same but for the time of the check and the request id.
 */
@QuarkusTest
class VerificationRouteTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** Acceptable to the resource, but not the plain JSON the route takes. */
    private static final String RESOURCE_ONLY = "application/json, text/plain;q=0.5";
    private static final List<String> HEADERS = List.of("Content-Type", "Cache-Control", "Content-Language", "Vary", "Retry-After",
            "Access-Control-Allow-Origin", "Access-Control-Expose-Headers", "Strict-Transport-Security", "X-Content-Type-Options");

    @Test
    void a_token_and_a_credential_are_answered_alike_by_the_route_and_by_the_resource() throws Exception {
        JsonNode issued = issue();
        sameAnswers("{\"token\":" + JSON.writeValueAsString(issued.path("token").asText()) + "}");
        sameAnswers(JSON.writeValueAsString(Map.of("credential", issued.path("credential"))));

        revoke(issued.path("number").asText());
        String revoked = sameAnswers("{\"token\":" + JSON.writeValueAsString(issued.path("token").asText()) + "}");
        assertThat(JSON.readTree(revoked).path("result").asText()).isEqualTo("CERTIFICATE_NOT_VALID");
        assertThat(JSON.readTree(revoked).at("/certificate/status").asText()).isEqualTo("REVOKED");
    }

    @Test
    void a_credential_changed_by_one_byte_is_refused_alike() throws Exception {
        ObjectNode credential = (ObjectNode) issue().path("credential");
        ((ObjectNode) credential.path("credentialSubject")).put("name", "李四");
        String answer = sameAnswers(JSON.writeValueAsString(Map.of("credential", credential)));
        assertThat(JSON.readTree(answer).path("valid").asBoolean()).isFalse();
    }

    @Test
    void what_the_route_has_read_but_leaves_is_refused_by_the_resource_with_the_body_it_sent() {
        // each of these is plain JSON as the route takes it, so the route reads the body before leaving it
        sameAnswers("{\"token\": \"x\", \"token\": \"y\"}");
        sameAnswers("{\"token\": 12}");
        sameAnswers("{\"token\": \"x\"} trailing");
        sameAnswers("{\"tokens\": \"x\"}");
        sameAnswers("{\"token\": \"x\", \"grant\": \"ABCD\"}");
        sameAnswers("null");
        Response refused = plain("{\"token\": \"x\", \"token\": \"y\"}");
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.contentType()).startsWith("application/problem+json");
    }

    @Test
    void a_client_that_waits_for_100_continue_before_sending_a_credential_is_answered() throws Exception {
        String body = JSON.writeValueAsString(Map.of("credential", issue().path("credential")));
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + RestAssured.port + "/api/v1/verifications"))
                .header("Content-Type", "application/json").expectContinue(true).timeout(Duration.ofSeconds(10))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        // bounded here: once a 100 has come, the JDK client's own timeout no longer applies
        HttpResponse<String> answer = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()
                .sendAsync(request, HttpResponse.BodyHandlers.ofString()).get(20, TimeUnit.SECONDS);
        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(answer.body()).path("result").asText()).isEqualTo("VALID");
    }

    @Test
    void a_client_speaking_http2_is_answered_and_refused_as_over_http1() throws Exception {
        JsonNode issued = issue();
        String token = "{\"token\":" + JSON.writeValueAsString(issued.path("token").asText()) + "}";
        // the JDK client asks to upgrade a plain-text connection to HTTP/2 (h2c), and sends its requests over HTTP/2 after
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_2).build();
        for (String body : List.of(token, "{\"token\": 12}", "{\"token\": \"x\", \"grant\": \"ABCD\"}", token)) {
            HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + RestAssured.port + "/api/v1/verifications"))
                    .header("Content-Type", "application/json").timeout(Duration.ofSeconds(10))
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build();
            HttpResponse<String> answer = client.send(request, HttpResponse.BodyHandlers.ofString());
            Response overHttp1 = plain(body);
            assertThat(answer.statusCode()).as(body).isEqualTo(overHttp1.statusCode());
            assertThat(comparable(answer.body())).as(body).isEqualTo(comparable(overHttp1.asString()));
        }
    }

    /** The answer to the body sent both ways, once they are found the same; returns the route's answer. */
    private static String sameAnswers(String body) {
        Response route = plain(body);
        Response resource = given().contentType(ContentType.JSON).accept(RESOURCE_ONLY).body(body).post("/api/v1/verifications");
        assertThat(route.statusCode()).as(body).isEqualTo(resource.statusCode());
        for (String header : HEADERS) {
            assertThat(route.header(header)).as(header + " for " + body).isEqualTo(resource.header(header));
        }
        assertThat(route.header("X-Request-Id")).isNotBlank();
        assertThat(comparable(route.asString())).as(body).isEqualTo(comparable(resource.asString()));
        return route.asString();
    }

    private static Response plain(String body) {
        return given().contentType(ContentType.JSON).body(body).post("/api/v1/verifications");
    }

    /** The answer without what differs by design: the time of the check and the request's id. */
    private static JsonNode comparable(String answer) {
        try {
            JsonNode tree = JSON.readTree(answer);
            if (tree instanceof ObjectNode object) {
                object.remove(List.of("checkedAt", "requestId"));
            }
            return tree;
        } catch (Exception e) {
            throw new AssertionError("not JSON: " + answer, e);
        }
    }

    private static JsonNode issue() throws Exception {
        String body = given().auth().oauth2(Tokens.issuer("TEST-A")).contentType(ContentType.JSON).body(Requests.engineer())
                .post("/api/v1/certificates").then().statusCode(201).extract().asString();
        return JSON.readTree(body);
    }

    private static void revoke(String number) {
        given().auth().oauth2(Tokens.issuer("TEST-A")).contentType(ContentType.JSON).body(Map.of("reason", "COURT_ORDER"))
                .post("/api/v1/certificates/" + number + "/revocation").then().statusCode(200);
    }
}
