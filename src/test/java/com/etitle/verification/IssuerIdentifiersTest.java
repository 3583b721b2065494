package com.etitle.verification;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.etitle.support.Api;
import com.etitle.support.Forgery;
import com.etitle.support.Requests;
import com.etitle.support.Tokens;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

/**
 * Issuers are named by their did:web DID now; credentials and tokens issued before, which name the authority
 * document's URL (credentials) or the bare authority code (tokens), keep verifying — and neither form lets a
 * real key vouch for another authority.
 */
@QuarkusTest
class IssuerIdentifiersTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String BASE = "http://localhost:8081";

    @ParameterizedTest
    @ValueSource(strings = {"TEST-A", "TEST-SM2"})
    void a_credential_in_the_form_issued_before_the_dids_still_verifies_valid(String authority) {
        JsonPath issued = Api.issue(authority, Requests.engineer());
        ObjectNode credential = JSON.valueToTree(issued.getMap("credential"));
        credential.remove("proof");
        ((ObjectNode) credential.get("issuer")).put("id", BASE + "/api/v1/issuers/" + authority);
        String kid = issued.getString("keyId");

        ObjectNode before = Forgery.signCredential(authority, kid, credential, BASE + "/api/v1/issuers/" + authority + "#" + kid);

        assertThat(issued.getString("credential.issuer.id")).isEqualTo("did:web:localhost%3A8081:issuers:" + authority);
        assertThat(result(Map.of("credential", before))).isEqualTo("VALID");
    }

    @ParameterizedTest
    @ValueSource(strings = {"TEST-A", "TEST-SM2"})
    void a_token_in_the_form_issued_before_the_dids_still_verifies_valid(String authority) {
        JsonPath issued = Api.issue(authority, Requests.engineer());
        Map<String, Object> claims = Forgery.claims(issued.getString("token"));
        claims.put("iss", authority);
        claims.remove("status");

        String before = Forgery.signToken(authority, issued.getString("keyId"), claims);

        assertThat(result(Map.of("token", before))).isEqualTo("VALID");
    }

    @ParameterizedTest
    @ValueSource(strings = {"did:web:localhost%3A8081:issuers:TEST-B", "did:web:elsewhere.example:issuers:TEST-A", "TEST-B",
            BASE + "/api/v1/issuers/TEST-B"})
    void a_token_signed_by_one_authority_but_naming_another_issuer_is_unknown_issuer(String iss) {
        JsonPath issued = Api.issue("TEST-A", Requests.engineer());
        Map<String, Object> claims = Forgery.claims(issued.getString("token"));
        claims.put("iss", iss);

        String forged = Forgery.signToken("TEST-A", issued.getString("keyId"), claims);

        assertThat(result(Map.of("token", forged))).isEqualTo("UNKNOWN_ISSUER");
    }

    @ParameterizedTest
    @ValueSource(strings = {"did:web:localhost%3A8081:issuers:TEST-B", "did:web:elsewhere.example:issuers:TEST-A"})
    void a_credential_signed_by_one_authority_but_naming_another_issuer_did_is_unknown_issuer(String issuer) {
        JsonPath issued = Api.issue("TEST-A", Requests.engineer());
        ObjectNode credential = JSON.valueToTree(issued.getMap("credential"));
        ((ObjectNode) credential.get("issuer")).put("id", issuer);

        ObjectNode forged = Forgery.signCredential("TEST-A", issued.getString("keyId"), credential,
                issued.getString("credential.proof.verificationMethod"));

        assertThat(result(Map.of("credential", forged))).isEqualTo("UNKNOWN_ISSUER");
    }

    @ParameterizedTest
    @ValueSource(strings = {"did:web:elsewhere.example:issuers:TEST-A#", "did:web:localhost%3A8081:issuers:TEST-B#"})
    void a_credential_whose_proof_names_the_key_under_another_did_is_unknown_key(String prefix) {
        JsonPath issued = Api.issue("TEST-A", Requests.engineer());
        ObjectNode credential = JSON.valueToTree(issued.getMap("credential"));

        ObjectNode forged = Forgery.signCredential("TEST-A", issued.getString("keyId"), credential, prefix + issued.getString("keyId"));

        assertThat(result(Map.of("credential", forged))).isEqualTo("UNKNOWN_KEY");
    }

    @Test
    void the_status_list_that_credentials_issued_before_the_dids_name_carries_the_same_bits_under_their_issuer() {
        JsonPath issued = Api.issue("TEST-A", Requests.engineer());
        given().auth().oauth2(Tokens.issuer("TEST-A")).contentType(ContentType.JSON).body(Map.of("reason", "FRAUD"))
                .post("/api/v1/certificates/" + issued.getString("number") + "/revocation").then().statusCode(200);
        String current = issued.getString("credential.credentialStatus.find { it.statusPurpose == 'revocation' }.statusListCredential");
        assertThat(current).matches(BASE + "/api/v1/status-lists/[0-9]+/revocation");
        String before = current.replaceAll("/revocation$", "-revocation");

        JsonPath now = given().when().get(current.replace(BASE, "")).then().statusCode(200).extract().jsonPath();
        JsonPath then = given().when().get(before.replace(BASE, "")).then().statusCode(200).extract().jsonPath();

        assertThat(now.getString("issuer.id")).isEqualTo("did:web:localhost%3A8081:issuers:TEST-A");
        assertThat(now.getString("proof.verificationMethod")).startsWith("did:web:localhost%3A8081:issuers:TEST-A#");
        assertThat(then.getString("id")).isEqualTo(before);
        assertThat(then.getString("issuer.id")).isEqualTo(BASE + "/api/v1/issuers/TEST-A");
        assertThat(then.getString("proof.verificationMethod")).startsWith(BASE + "/api/v1/issuers/TEST-A#");
        assertThat(then.getString("credentialSubject.encodedList")).isEqualTo(now.getString("credentialSubject.encodedList"));
        given().when().get(current.replace(BASE, "").replaceAll("/revocation$", "/nonsense")).then().statusCode(404)
                .contentType("application/problem+json");
    }

    private static String result(Object body) {
        return Api.verify(body).getString("result");
    }
}
