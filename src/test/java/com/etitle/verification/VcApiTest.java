package com.etitle.verification;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.etitle.crypto.DataIntegrity;
import com.etitle.crypto.KeyAlgorithm;
import com.etitle.crypto.Keys;
import com.etitle.support.Api;
import com.etitle.support.IdCards;
import com.etitle.support.Problems;
import com.etitle.support.Requests;
import com.etitle.support.Tokens;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;

/** {@code POST /credentials/verify} as a W3C VC API (VCALM) client calls it. */
@QuarkusTest
class VcApiTest {

    private static final String PATH = "/credentials/verify";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> ALL_CHECKS = List.of("FORMAT", "KEY_KNOWN", "KEY_NOT_COMPROMISED", "SIGNATURE", "ISSUER",
            "CERTIFICATE_STATUS");

    @Test
    void a_credential_of_this_service_verifies_true_with_every_check_and_no_errors() {
        ObjectNode credential = credential(Api.issue("TEST-A", Requests.engineer()));

        Response response = post(Map.of("verifiableCredential", credential));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(Problems.mediaType(response)).isEqualTo("application/json");
        assertThat(response.header("Cache-Control")).isEqualTo("no-store");
        JsonPath answer = response.jsonPath();
        assertThat(answer.getBoolean("verified")).isTrue();
        assertThat(answer.getList("checks", String.class)).containsExactlyElementsOf(ALL_CHECKS);
        assertThat(answer.getList("errors")).isEmpty();
        assertThat(answer.getList("warnings")).isEmpty();
        assertThat(answer.getMap("$")).containsOnlyKeys("verified", "checks", "warnings", "errors");
    }

    @Test
    void an_sm2_credential_verifies_through_the_same_endpoint() {
        ObjectNode credential = credential(Api.issue("TEST-SM2", Requests.engineer()));

        JsonPath answer = verified(Map.of("verifiableCredential", credential));

        assertThat(answer.getBoolean("verified")).isTrue();
        assertThat(answer.getList("checks", String.class)).containsExactlyElementsOf(ALL_CHECKS);
    }

    @Test
    void one_changed_byte_of_a_credential_verifies_false_with_a_cryptographic_security_error() {
        ObjectNode credential = credential(Api.issue("TEST-A", Requests.engineer()));
        String validFrom = credential.path("validFrom").asText();
        int last = validFrom.length() - 2;
        // the last digit of the seconds, one ASCII byte: a credential dated a second off
        String changed = validFrom.substring(0, last) + (char) ('0' + (validFrom.charAt(last) - '0' + 1) % 10) + validFrom.substring(last + 1);
        credential.put("validFrom", changed);
        assertThat(changed).hasSameSizeAs(validFrom).isNotEqualTo(validFrom);

        JsonPath answer = verified(Map.of("verifiableCredential", credential));

        assertThat(answer.getBoolean("verified")).isFalse();
        assertThat(answer.getList("checks", String.class)).containsExactly("FORMAT", "KEY_KNOWN", "KEY_NOT_COMPROMISED");
        assertThat(answer.getList("errors.type", String.class)).containsExactly("https://www.w3.org/TR/vc-data-model#CRYPTOGRAPHIC_SECURITY_ERROR");
        assertThat(answer.getString("errors[0].title")).isEqualTo("CRYPTOGRAPHIC_SECURITY_ERROR");
        assertThat(answer.getString("errors[0].detail")).contains("altered");
    }

    @Test
    void a_revoked_certificate_verifies_false_with_a_status_error_naming_the_status() {
        JsonPath issued = Api.issue("TEST-A", Requests.engineer());
        ObjectNode credential = credential(issued);
        assertThat(verified(Map.of("verifiableCredential", credential)).getBoolean("verified")).as("before the revocation").isTrue();
        given().auth().oauth2(Tokens.issuer("TEST-A")).contentType(ContentType.JSON).body(Map.of("reason", "ISSUED_IN_ERROR"))
                .when().post("/api/v1/certificates/" + issued.getString("number") + "/revocation").then().statusCode(200);

        JsonPath answer = verified(Map.of("verifiableCredential", credential));

        assertThat(answer.getBoolean("verified")).isFalse();
        assertThat(answer.getList("checks", String.class)).containsExactlyElementsOf(ALL_CHECKS.subList(0, 5));
        assertThat(answer.getList("errors.title", String.class)).containsExactly("CERTIFICATE_NOT_VALID");
        assertThat(answer.getString("errors[0].type")).endsWith("/problems/certificate-not-valid").startsWith("http");
        assertThat(answer.getString("errors[0].detail")).contains("REVOKED");
    }

    @Test
    void a_credential_signed_by_another_issuers_key_verifies_false_as_not_issued_here() {
        ObjectNode credential = credential(Api.issue("TEST-A", Requests.engineer()));
        credential.put("issuer", "did:web:other-province.example");
        ObjectNode foreign = DataIntegrity.addProof(credential, Keys.generate(KeyAlgorithm.ED25519).signer(),
                "did:web:other-province.example#key-1", Instant.now());

        JsonPath answer = verified(Map.of("verifiableCredential", foreign));

        assertThat(answer.getBoolean("verified")).isFalse();
        assertThat(answer.getList("checks", String.class)).containsExactly("FORMAT");
        assertThat(answer.getList("errors.type", String.class)).containsExactly("https://w3id.org/security#PROOF_VERIFICATION_ERROR");
        assertThat(answer.getString("errors[0].detail")).contains("not issued here");
    }

    @Test
    void an_unsigned_credential_verifies_false_as_a_malformed_value() {
        ObjectNode credential = credential(Api.issue("TEST-A", Requests.engineer()));
        credential.remove("proof");

        JsonPath answer = verified(Map.of("verifiableCredential", credential));

        assertThat(answer.getBoolean("verified")).isFalse();
        assertThat(answer.getList("checks")).isEmpty();
        assertThat(answer.getList("errors.type", String.class)).containsExactly("https://www.w3.org/TR/vc-data-model#MALFORMED_VALUE_ERROR");
        assertThat(answer.getString("errors[0].detail")).contains("Data Integrity proof");
    }

    @Test
    void a_missing_or_non_object_credential_verifies_false_and_is_never_a_server_error() {
        JsonPath missing = verified(Map.of());
        JsonPath text = verified(Map.of("verifiableCredential", "eyJhbGciOiJFZERTQSJ9"));
        JsonPath array = verified(Map.of("verifiableCredential", List.of(1, 2)));

        for (JsonPath answer : List.of(missing, text, array)) {
            assertThat(answer.getBoolean("verified")).isFalse();
            assertThat(answer.getString("errors[0].title")).isEqualTo("MALFORMED_VALUE_ERROR");
        }
        assertThat(missing.getString("errors[0].detail")).isEqualTo("verifiableCredential is missing");
        assertThat(text.getString("errors[0].detail")).isEqualTo("verifiableCredential is not a JSON object");
    }

    @Test
    void a_body_that_is_not_json_or_has_unknown_members_or_options_is_a_400_problem() {
        Problems.assertProblem(postRaw("{\"verifiableCredential\": {"), 400, "/problems/malformed-request");
        Problems.assertProblem(postRaw("not json at all"), 400, "/problems/malformed-request");
        JsonPath unknownMember = Problems.assertProblem(postRaw("{\"credential\": {}}"), 400, "/problems/malformed-request");
        assertThat(unknownMember.getString("detail")).contains("credential");
        JsonPath unknownOption = Problems.assertProblem(postRaw("{\"verifiableCredential\": {}, \"options\": {\"checks\": [\"proof\"]}}"),
                400, "/problems/malformed-request");
        assertThat(unknownOption.getString("detail")).contains("checks");
        Problems.assertProblem(postRaw("{\"verifiableCredential\": {}, \"options\": {\"returnCredential\": \"yes\"}}"), 400,
                "/problems/malformed-request");
    }

    @Test
    void options_add_the_credential_problem_details_and_proof_results_and_nothing_else_changes() {
        ObjectNode credential = credential(Api.issue("TEST-A", Requests.engineer()));
        ObjectNode tampered = credential.deepCopy();
        tampered.put("validFrom", "2020-01-01T00:00:00Z");
        Map<String, Boolean> everything = Map.of("returnCredential", true, "returnProblemDetails", true, "returnResults", true);

        JsonPath good = verified(Map.of("verifiableCredential", credential, "options", everything));
        JsonPath bad = verified(Map.of("verifiableCredential", tampered, "options", everything));

        assertThat(good.getBoolean("verified")).isTrue();
        assertThat(readTree(good.prettify()).path("credential")).isEqualTo(credential);
        assertThat(good.getList("problemDetails")).isEmpty();
        assertThat(good.getList("results.proof.verified", Boolean.class)).containsExactly(true);
        assertThat(good.getString("results.proof[0].input.proofValue")).isEqualTo(credential.at("/proof/proofValue").asText());
        assertThat(bad.getBoolean("verified")).isFalse();
        assertThat(bad.getList("problemDetails.title", String.class)).containsExactly("CRYPTOGRAPHIC_SECURITY_ERROR");
        assertThat(bad.getList("results.proof.verified", Boolean.class)).containsExactly(false);
    }

    @Test
    void a_vc_api_verification_is_logged_for_the_holder_like_any_verification_of_the_credential() {
        String id = IdCards.next();
        JsonPath issued = Api.issue("TEST-A", Requests.with("holderIdNumber", id));
        String number = issued.getString("number");

        verified(Map.of("verifiableCredential", credential(issued)));
        verified(Map.of("verifiableCredential", Map.of("not", "a credential")));

        JsonPath log = given().auth().oauth2(Tokens.holder(id)).when().get("/api/v1/me/certificates/" + number + "/verification-log")
                .then().statusCode(200).extract().jsonPath();
        assertThat(log.getList("items.method", String.class)).containsExactly("CREDENTIAL");
        assertThat(log.getList("items.result", String.class)).containsExactly("VALID");
    }

    /** The credential exactly as issued: read from the answer's text, not through a map, so no value changes form. */
    private static ObjectNode credential(JsonPath issued) {
        return (ObjectNode) readTree(issued.prettify()).path("credential");
    }

    private static JsonNode readTree(String json) {
        try {
            return JSON.readTree(json);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static JsonPath verified(Object body) {
        Response response = post(body);
        assertThat(response.statusCode()).as("status of %s", response.asString()).isEqualTo(200);
        return response.jsonPath();
    }

    private static Response post(Object body) {
        try {
            return postRaw(JSON.writeValueAsString(body));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Response postRaw(String body) {
        return given().contentType(ContentType.JSON).body(body.getBytes(StandardCharsets.UTF_8)).when().post(PATH);
    }
}
