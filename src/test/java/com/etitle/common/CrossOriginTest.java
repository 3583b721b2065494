package com.etitle.common;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.etitle.support.Api;
import com.etitle.support.IdCards;
import com.etitle.support.Problems;
import com.etitle.support.Requests;
import com.etitle.support.Tokens;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/**
 * The CORS headers as a browser reads them, with the default settings: public documents for any origin,
 * verifications for any origin with their preflight, and nothing for authority and holder endpoints.
 */
@QuarkusTest
class CrossOriginTest {

    private static final String PAGE = "https://employer.example";

    @Test
    void every_public_document_answers_any_origin_and_exposes_its_tag() {
        JsonPath issued = Api.issue("TEST-A", Requests.engineer());
        String statusList = issued.getString("credential.credentialStatus[0].statusListCredential");
        String statusListPath = statusList.substring(statusList.indexOf("/api/v1/"));
        List<String> paths = List.of("/.well-known/jwks.json", "/api/v1/issuers", "/api/v1/issuers/TEST-A",
                "/api/v1/issuers/TEST-A/document-certificates", "/api/v1/issuers/TEST-A/seal-certificates", "/ns/professional-title/v1",
                statusListPath, "/api/v1/committees",
                "/api/v1/publicity-notices", "/api/v1/qualification-documents", "/api/v1/void-notices", "/api/v1/working-day-calendar",
                "/api/v1/working-day-calendar/2026", "/issuers/TEST-A/did.json", "/api/v1/trust-bundle", "/q/openapi");

        for (String path : paths) {
            Response response = fromPage().when().get(path);
            assertThat(response.statusCode()).as(path).isEqualTo(200);
            assertThat(response.header("Access-Control-Allow-Origin")).as(path).isEqualTo("*");
            assertThat(response.header("Access-Control-Expose-Headers")).as(path).contains("ETag", "Retry-After", "Location");
            assertThat(response.header("Access-Control-Allow-Credentials")).as(path).isNull();
        }
        Response head = fromPage().when().head("/api/v1/issuers/TEST-A");
        assertThat(head.statusCode()).isEqualTo(200);
        assertThat(head.header("Access-Control-Allow-Origin")).isEqualTo("*");
        // a cacheable register fetched without an Origin (a CDN, a server) must still be readable when a cache hands it to a page
        Response noOrigin = given().when().get("/api/v1/committees");
        assertThat(noOrigin.header("Cache-Control")).startsWith("public");
        assertThat(noOrigin.header("Access-Control-Allow-Origin")).isEqualTo("*");
    }

    @Test
    void a_public_document_preflight_allows_get_and_head_with_a_conditional_header() {
        Response preflight = preflight("/api/v1/void-notices", "GET", "if-none-match");

        assertThat(preflight.statusCode()).isEqualTo(204);
        assertThat(preflight.header("Access-Control-Allow-Origin")).isEqualTo("*");
        assertThat(preflight.header("Access-Control-Allow-Methods")).isEqualTo("GET, HEAD");
        assertThat(preflight.header("Access-Control-Allow-Headers")).isEqualTo("If-None-Match");
        assertThat(preflight.header("Access-Control-Max-Age")).isEqualTo("600");
        assertThat(preflight.header("Access-Control-Allow-Credentials")).isNull();
    }

    @Test
    void verifications_answer_any_origin_preflight_included() {
        JsonPath issued = Api.issue("TEST-A", Requests.engineer());
        for (String path : List.of("/api/v1/verifications", "/credentials/verify")) {
            Response preflight = preflight(path, "POST", "content-type");
            assertThat(preflight.statusCode()).as(path).isEqualTo(204);
            assertThat(preflight.header("Access-Control-Allow-Origin")).as(path).isEqualTo("*");
            assertThat(preflight.header("Access-Control-Allow-Methods")).as(path).isEqualTo("POST");
            assertThat(preflight.header("Access-Control-Allow-Headers")).as(path).isEqualTo("Content-Type");
            assertThat(preflight.header("Access-Control-Max-Age")).as(path).isEqualTo("600");
        }

        Response verification = fromPage().contentType(ContentType.JSON).body(Map.of("token", issued.getString("token")))
                .when().post("/api/v1/verifications");
        assertThat(verification.jsonPath().getString("result")).isEqualTo("VALID");
        assertThat(verification.header("Access-Control-Allow-Origin")).isEqualTo("*");
        Response vcApi = fromPage().contentType(ContentType.JSON).body(Map.of("verifiableCredential", Map.of()))
                .when().post("/credentials/verify");
        assertThat(vcApi.jsonPath().getBoolean("verified")).isFalse();
        assertThat(vcApi.header("Access-Control-Allow-Origin")).isEqualTo("*");
    }

    @Test
    void errors_on_cors_paths_carry_the_headers_so_the_page_can_read_why() {
        Response unknown = fromPage().when().get("/api/v1/issuers/NO-SUCH");
        Problems.assertProblem(unknown, 404, "/problems/not-found");
        assertThat(unknown.header("Access-Control-Allow-Origin")).isEqualTo("*");

        Response notJson = fromPage().contentType(ContentType.JSON).body("{not json").when().post("/api/v1/verifications");
        Problems.assertProblem(notJson, 400, "/problems/malformed-request");
        assertThat(notJson.header("Access-Control-Allow-Origin")).isEqualTo("*");

        // refused before any of it is read, by the body limit in front of JAX-RS
        Response tooLarge = fromPage().contentType(ContentType.JSON).body("{\"x\":\"" + "a".repeat(70_000) + "\"}")
                .when().post("/credentials/verify");
        Problems.assertProblem(tooLarge, 413, "/problems/payload-too-large");
        assertThat(tooLarge.header("Access-Control-Allow-Origin")).isEqualTo("*");
    }

    @Test
    void authority_endpoints_answer_no_origin_and_their_preflight_allows_nothing() {
        String number = Api.issue("TEST-A", Requests.engineer()).getString("number");

        Response read = fromPage().auth().oauth2(Tokens.issuer("TEST-A")).when().get("/api/v1/certificates/" + number);
        assertThat(read.statusCode()).isEqualTo(200);
        assertNoCors(read);
        Response unauthenticated = fromPage().when().get("/api/v1/certificates/" + number);
        assertThat(unauthenticated.statusCode()).isEqualTo(401);
        assertNoCors(unauthenticated);
        assertNoCors(preflight("/api/v1/certificates/" + number, "GET", "authorization"));
        assertNoCors(preflight("/api/v1/certificates", "POST", "authorization, content-type"));
        // the committee list is public to read, not to write
        assertNoCors(preflight("/api/v1/committees", "POST", "authorization, content-type"));
        assertNoCors(preflight("/api/v1/publicity-notices/1/objections", "GET", "authorization"));
    }

    @Test
    void holder_endpoints_answer_no_origin_and_their_preflight_allows_nothing() {
        String id = IdCards.next();
        String number = Api.issue("TEST-A", Requests.with("holderIdNumber", id)).getString("number");

        Response mine = fromPage().auth().oauth2(Tokens.holder(id)).when().get("/api/v1/me/certificates/" + number);
        assertThat(mine.statusCode()).isEqualTo(200);
        assertNoCors(mine);
        assertNoCors(preflight("/api/v1/me/certificates/" + number + "/grants", "POST", "authorization, content-type"));
    }

    @Test
    void objections_pages_and_probes_get_no_cors_by_default() {
        assertNoCors(preflight("/api/v1/publicity-notices/1/objections", "POST", "content-type"));
        Response page = fromPage().when().get("/verify");
        assertThat(page.statusCode()).isEqualTo(200);
        assertNoCors(page);
        assertNoCors(preflight("/verify", "GET", ""));
        assertNoCors(preflight("/q/health", "GET", ""));
    }

    private static RequestSpecification fromPage() {
        return given().header("Origin", PAGE);
    }

    private static Response preflight(String path, String method, String headers) {
        RequestSpecification request = fromPage().header("Access-Control-Request-Method", method);
        if (!headers.isEmpty()) {
            request = request.header("Access-Control-Request-Headers", headers);
        }
        return request.when().options(path);
    }

    private static void assertNoCors(Response response) {
        String seen = response.statusCode() + " " + new String(response.asByteArray(), StandardCharsets.UTF_8);
        for (String header : List.of("Access-Control-Allow-Origin", "Access-Control-Allow-Methods", "Access-Control-Allow-Headers",
                "Access-Control-Expose-Headers", "Access-Control-Allow-Credentials", "Access-Control-Max-Age")) {
            assertThat(response.header(header)).as("%s in %s", header, seen).isNull();
        }
    }
}
