package com.etitle.common;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.etitle.support.Api;
import com.etitle.support.Certificates;
import com.etitle.support.Certificates.Held;
import com.etitle.support.IdCards;
import com.etitle.support.Registers;
import com.etitle.support.Requests;
import com.etitle.support.Scrape;
import com.etitle.support.Tokens;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;

/**
 * {@code /q/metrics} as the cluster's Prometheus scrapes it, after traffic through the API: each of the service's
 * series moves by what happened, and nothing the traffic carried (certificate numbers, names, ID numbers, codes,
 * tokens, the client's address, a path as typed) is in the scrape. Other test classes share the service, so every
 * count is read before and after.
 */
@QuarkusTest
class MetricsTest {

    /** The verifier's address, as the ingress forwards it (a documentation address, RFC 5737). */
    private static final String CLIENT = "203.0.113.77";

    private static final String VERIFICATIONS = "etitle_verifications_total";

    @Test
    void each_series_moves_by_the_traffic_and_the_scrape_names_nothing_the_traffic_carried() throws Exception {
        Scrape before = Scrape.now();
        List<String> secrets = new ArrayList<>();

        String idNumber = IdCards.next();
        JsonPath issued = Api.issue("TEST-A", Requests.with("holderIdNumber", idNumber));
        Held held = new Held(issued.getString("number"), issued.getString("holderName"), issued.getString("verificationCode"),
                issued.getString("token"), idNumber);
        Map<String, Object> credential = issued.getMap("credential");
        secrets.addAll(List.of(held.number(), held.holderName(), held.verificationCode(), held.token(), held.holderIdNumber(),
                issued.getString("licenceId")));

        // every way of verifying, valid and not
        assertThat(verify(Map.of("token", held.token()))).isEqualTo("VALID");
        assertThat(verify(Map.of("certificateNumber", held.number(), "holderName", held.holderName(),
                "verificationCode", held.verificationCode()))).isEqualTo("VALID");
        assertThat(verify(Map.of("certificateNumber", held.number(), "holderName", held.holderName(),
                "verificationCode", "WRONG123"))).isEqualTo("NO_MATCH");
        assertThat(verify(Map.of("credential", credential))).isEqualTo("VALID");
        Map<String, Object> altered = new HashMap<>(credential);
        altered.put("validFrom", "2020-01-01T00:00:00Z");
        assertThat(verify(Map.of("credential", altered))).isEqualTo("BAD_SIGNATURE");
        assertThat(client().contentType(ContentType.JSON).body(Map.of("verifiableCredential", credential)).post("/credentials/verify")
                .then().statusCode(200).extract().<Boolean>path("verified")).isTrue();
        String grant = given().auth().oauth2(Tokens.holder(held.holderIdNumber())).contentType(ContentType.JSON)
                .body(Map.of("verifierName", "示范市建筑工程有限公司", "purpose", "入职资格审核", "validityDays", 7))
                .post("/api/v1/me/certificates/" + held.number() + "/grants").then().statusCode(201).extract().path("code");
        secrets.add(grant);
        assertThat(verify(Map.of("grant", grant))).isEqualTo("VALID");
        byte[] face = Certificates.face(held);
        assertThat(client().contentType("application/pdf").body(face).post("/api/v1/verifications").then().statusCode(200).extract()
                .<String>path("result")).isEqualTo("VALID");
        client().contentType("application/pdf").body("not a certificate".getBytes(StandardCharsets.US_ASCII)).post("/api/v1/verifications")
                .then().statusCode(422);

        // status changes of every kind
        Held other = Certificates.suspended();
        given().auth().oauth2(Tokens.issuer("TEST-A")).delete("/api/v1/certificates/" + other.number() + "/suspension").then().statusCode(200);
        Held voided = Certificates.voided();
        Certificates.revoke(held);
        secrets.addAll(List.of(other.number(), other.holderIdNumber(), other.verificationCode(), voided.number(), voided.holderIdNumber(),
                voided.verificationCode()));
        assertThat(verify(Map.of("token", held.token()))).isEqualTo("CERTIFICATE_NOT_VALID");

        // the revocation list changed: the first fetch builds it, the second is the one kept
        String list = URI.create(issued.getString("credential.credentialStatus.find { it.statusPurpose == 'revocation' }"
                + ".statusListCredential")).getPath();
        Scrape beforeList = Scrape.now();
        given().get(list).then().statusCode(200);
        Scrape builtOnce = Scrape.now();
        given().get(list).then().statusCode(200);
        Scrape keptAfter = Scrape.now();

        // the holder's limit on faces (5 a minute in tests, refilled as time passes): fetched until refused, once
        int status = 200;
        for (int i = 0; i < 10 && status == 200; i++) {
            status = given().auth().oauth2(Tokens.holder(held.holderIdNumber())).get("/api/v1/me/certificates/" + held.number() + "/document")
                    .then().extract().statusCode();
        }
        assertThat(status).isEqualTo(429);

        // a batch, and the same request again
        long document = Registers.document("TEST-A", 3);
        String key = UUID.randomUUID().toString();
        batch(key, document).then().statusCode(201);
        batch(key, document).then().statusCode(200).header("Idempotent-Replayed", "true");

        // a public list, built anew for each request here (etitle.public-answers.ttl is 0 in tests)
        given().get("/api/v1/publicity-notices").then().statusCode(200);

        Scrape after = awaitLogWritten(before, 7);

        assertThat(after.since(before, VERIFICATIONS, "method", "TOKEN", "result", "VALID")).as("token and face file").isEqualTo(2);
        assertThat(after.since(before, VERIFICATIONS, "method", "NUMBER_AND_CODE", "result", "VALID")).isEqualTo(1);
        assertThat(after.since(before, VERIFICATIONS, "method", "NUMBER_AND_CODE", "result", "NO_MATCH")).isEqualTo(1);
        assertThat(after.since(before, VERIFICATIONS, "method", "CREDENTIAL", "result", "VALID")).as("API and VC API").isEqualTo(2);
        assertThat(after.since(before, VERIFICATIONS, "method", "CREDENTIAL", "result", "BAD_SIGNATURE")).isEqualTo(1);
        assertThat(after.since(before, VERIFICATIONS, "method", "GRANT", "result", "VALID")).isEqualTo(1);
        assertThat(after.since(before, VERIFICATIONS, "method", "TOKEN", "result", "CERTIFICATE_NOT_VALID")).isEqualTo(1);
        assertThat(after.since(before, VERIFICATIONS)).as("a refused request is no verification").isEqualTo(9);
        assertThat(after.series(VERIFICATIONS)).as("every method and result, from zero").hasSize(4 * 9);
        assertThat(after.since(before, "etitle_face_files_total", "kind", "OURS")).isEqualTo(1);
        assertThat(after.since(before, "etitle_face_files_total", "kind", "NOT_PDF")).isEqualTo(1);

        assertThat(after.since(before, "etitle_issuances_seconds_count")).as("three issued one by one").isEqualTo(3);
        assertThat(after.since(before, "etitle_issuances_seconds_sum")).isPositive();
        assertThat(after.since(before, "etitle_batches_seconds_count", "outcome", "completed")).isEqualTo(1);
        assertThat(after.since(before, "etitle_batches_seconds_count", "outcome", "replayed")).isEqualTo(1);
        assertThat(after.since(before, "etitle_batches_seconds_count", "outcome", "failed")).isZero();
        assertThat(after.since(before, "etitle_batch_certificates_total")).isEqualTo(3);

        assertThat(after.since(before, "etitle_status_changes_total", "kind", "suspend")).isEqualTo(1);
        assertThat(after.since(before, "etitle_status_changes_total", "kind", "reinstate")).isEqualTo(1);
        assertThat(after.since(before, "etitle_status_changes_total", "kind", "void")).isEqualTo(1);
        assertThat(after.since(before, "etitle_status_changes_total", "kind", "revoke")).isEqualTo(1);

        assertThat(builtOnce.since(beforeList, "etitle_status_list_builds_total", "format", "bitstring")).isEqualTo(1);
        assertThat(keptAfter.since(builtOnce, "etitle_status_list_builds_total", "format", "bitstring")).isZero();

        assertThat(after.since(before, "etitle_rate_limit_refusals_total", "limiter", "holder-documents")).isEqualTo(1);
        assertThat(after.series("etitle_rate_limit_refusals_total")).extracting(s -> s.labels().get("limiter"))
                .contains("verify-number", "verify-client", "objection-client", "holder-documents");

        assertThat(after.since(before, "etitle_cache_rebuilds_total", "cache", "public-answers")).isEqualTo(1);
        assertThat(after.value("etitle_cache_rebuilds_total", "cache", "register-memory")).as("loaded at start").isGreaterThanOrEqualTo(1);
        assertThat(after.series("etitle_register_memory_in_step")).singleElement().satisfies(s -> assertThat(s.value()).isIn(0.0, 1.0));

        assertThat(after.since(before, "etitle_verification_log_written_total")).as("the 7 answers that named a certificate")
                .isGreaterThanOrEqualTo(7);
        assertThat(after.since(before, "etitle_verification_log_lag_seconds_count")).isPositive();
        assertThat(after.series("etitle_verification_log_queue_depth")).singleElement().satisfies(s -> assertThat(s.value()).isNotNegative());
        assertThat(after.series("etitle_verification_log_overflow_total")).isNotEmpty();
        assertThat(after.series("etitle_verification_log_write_failures_total")).isNotEmpty();

        assertThat(after.series("agroal_active_count")).as("the connection pool's own series").isNotEmpty();
        assertThat(after.series("agroal_available_count")).isNotEmpty();
        assertThat(after.series("agroal_awaiting_count")).isNotEmpty();
        assertThat(after.since(before, "http_server_requests_seconds_count", "uri", "/api/v1/verifications", "method", "POST",
                "status", "200")).isGreaterThanOrEqualTo(7);

        assertNamesNoneOf(after, secrets);
    }

    @Test
    void the_uri_label_is_a_template_or_a_fixed_word_never_a_path_as_typed() {
        Held held = Certificates.valid();
        String number = held.number();
        String portal = "https://portal.example.cn";
        // preflights our CORS filter answers itself, without and with requested headers
        given().header("Origin", portal).header("Access-Control-Request-Method", "GET").options("/api/v1/committees/" + number)
                .then().statusCode(204);
        given().header("Origin", portal).header("Access-Control-Request-Method", "GET").header("Access-Control-Request-Headers", "If-None-Match")
                .options("/ns/" + number).then().statusCode(204);
        given().get("/no-such-page/" + number).then().statusCode(404);
        given().get("/api/v1/committees/" + number).then().statusCode(404);
        given().auth().oauth2(Tokens.issuer("TEST-A")).contentType(ContentType.JSON).body("{\"reason\":\"" + "x".repeat(70_000) + "\"}")
                .post("/api/v1/certificates/" + number + "/revocation").then().statusCode(413);
        given().auth().oauth2(Tokens.issuer("TEST-A")).get("/api/v1/certificates/" + number).then().statusCode(200);

        Scrape scrape = Scrape.now();
        assertNamesNoneOf(scrape, List.of(number, held.holderIdNumber(), held.verificationCode(), held.token()));
        List<String> uris = scrape.series("http_server_requests_seconds_count").stream().map(s -> s.labels().get("uri")).distinct().toList();
        assertThat(uris).contains("/api/v1/certificates/{number}", "/api/v1/committees/{id}", "NOT_FOUND", "UNKNOWN");
        assertThat(scrape.value("http_server_requests_seconds_count", "uri", "UNKNOWN", "method", "OPTIONS", "status", "204"))
                .as("the preflights").isGreaterThanOrEqualTo(2);
        assertThat(uris).as("templates, files of the jar or Quarkus' fixed words")
                .allMatch(uri -> uri.matches("NOT_FOUND|REDIRECTION|UNKNOWN|root|(/(\\{[a-zA-Z]+\\}|[a-z0-9.-]+))+/?"));
    }

    /** No value the traffic carried, nor any signed token or bearer token (a JWS starts with eyJ), is anywhere in the scrape. */
    private static void assertNamesNoneOf(Scrape scrape, List<String> secrets) {
        for (String secret : secrets) {
            assertThat(scrape.text()).as("the scrape holds a value the traffic carried").doesNotContain(secret);
        }
        assertThat(scrape.text()).doesNotContain("eyJ").doesNotContain(CLIENT).doesNotContain("张三");
    }

    /** The verification log writes every 0.2 s: waits (10 s at most) until it has written at least {@code events} more. */
    private static Scrape awaitLogWritten(Scrape before, int events) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 10_000;
        Scrape now = Scrape.now();
        while (now.since(before, "etitle_verification_log_written_total") < events && System.currentTimeMillis() < deadline) {
            Thread.sleep(100);
            now = Scrape.now();
        }
        return now;
    }

    private static String verify(Map<String, Object> body) {
        return client().contentType(ContentType.JSON).body(body).post("/api/v1/verifications").then().statusCode(200).extract().path("result");
    }

    /** A verifier behind the ingress, whose address the service sees forwarded. */
    private static RequestSpecification client() {
        return given().header("X-Forwarded-For", CLIENT);
    }

    private static io.restassured.response.Response batch(String key, long document) {
        return given().auth().oauth2(Tokens.issuer("TEST-A")).header("Idempotency-Key", key).contentType(ContentType.JSON)
                .body(Map.of("documentId", document)).post("/api/v1/certificate-batches");
    }
}
