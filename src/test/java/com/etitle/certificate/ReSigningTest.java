package com.etitle.certificate;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.etitle.authority.PublicIds;
import com.etitle.support.Api;
import com.etitle.support.Database;
import com.etitle.support.IdCards;
import com.etitle.support.OpenSsl;
import com.etitle.support.Pdfs;
import com.etitle.support.Problems;
import com.etitle.support.Qr;
import com.etitle.support.Requests;
import com.etitle.support.TestClock;
import com.etitle.support.Tokens;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;

/**
 * After a key version is compromised, the authority re-signs what it signed with its current key, and holders get
 * forms that verify again. Runs on TEST-RK-ED (Ed25519) and TEST-RK-SM2 (SM2), which no other test class issues with:
 * every test here compromises their current key.
 */
@QuarkusTest
class ReSigningTest {

    private static final String ME = "/api/v1/me/certificates";
    private static final ObjectMapper MAPPER = new ObjectMapper();

    @TempDir
    Path dir;

    @Inject
    TestClock clock;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @ParameterizedTest
    @ValueSource(strings = {"TEST-RK-ED", "TEST-RK-SM2"})
    void holders_of_still_valid_certificates_get_a_re_signed_credential_and_token_that_verify(String authority) throws Exception {
        rotate(authority);
        String holder = IdCards.next();
        JsonPath valid = Api.issue(authority, Requests.with("holderIdNumber", holder));
        JsonPath suspended = Api.issue(authority, Requests.with("holderIdNumber", holder));
        JsonPath revoked = Api.issue(authority, Requests.with("holderIdNumber", holder));
        suspend(authority, suspended.getString("number"));
        revoke(authority, revoked.getString("number"));
        String kid = valid.getString("keyId");
        String newKid = compromiseAndRotate(authority, kid);

        JsonPath before = verifyCredential(valid);
        assertThat(before.getString("result")).isEqualTo("KEY_COMPROMISED");
        assertThat(before.getMap("$")).doesNotContainKey("newSignatureAvailable");
        assertThat(verifyToken(valid.getString("token")).getString("result")).isEqualTo("KEY_COMPROMISED");

        // re-signed a day after issuance, so the proof's new created can be told from validFrom
        Instant later = Instant.now().plus(Duration.ofDays(1)).truncatedTo(ChronoUnit.SECONDS);
        clock.set(later);
        JsonPath report = reSign(authority, kid).then().statusCode(200).extract().jsonPath();

        assertThat(report.getString("compromisedKeyId")).isEqualTo(kid);
        assertThat(report.getString("keyId")).isEqualTo(newKid);
        assertThat(report.getInt("reSigned")).isEqualTo(2);
        assertThat(report.getInt("valid")).isEqualTo(1);
        assertThat(report.getInt("suspended")).isEqualTo(1);
        assertThat(report.getLong("leftRevokedOrVoided")).isEqualTo(1);

        // the holder's endpoints serve the new forms, and they verify
        String number = valid.getString("number");
        String reSignedText = heldText(holder, number);
        ObjectNode credential = (ObjectNode) MAPPER.readTree(reSignedText);
        assertThat(credential.at("/proof/verificationMethod").asText()).endsWith("#" + newKid);
        assertThat(Api.verify(Map.of("credential", credential)).getString("result")).isEqualTo("VALID");
        String link = Qr.decode(held(holder, number, "/qr").asByteArray());
        String token = PublicIds.tokenOf(link);
        assertThat(token).isNotEqualTo(valid.getString("token"));
        assertThat(verifyToken(token).getString("result")).isEqualTo("VALID");
        assertThat(Qr.decode(Pdfs.firstPagePng(held(holder, number, "/document").asByteArray(), 200))).isEqualTo(link);
        OpenSsl openssl = new OpenSsl(dir);
        assertThat(openssl.verifyCredentialWithPublishedKey(credential)).isEqualTo(OpenSsl.Verdict.VERIFIED);
        assertThat(openssl.verifyTokenWithPublishedKey(token)).isEqualTo(OpenSsl.Verdict.VERIFIED);

        // the same certificate, newly signed: everything but the proof and the key is as issued
        ObjectNode old = (ObjectNode) MAPPER.readTree(valid.prettify()).get("credential");
        assertThat(withoutProof(credential)).isEqualTo(withoutProof(old));
        assertThat(credential.at("/proof/created").asText()).isEqualTo(later.toString());
        assertThat(credential.get("validFrom")).isEqualTo(old.get("validFrom"));
        assertThat(claims(token)).isEqualTo(claims(valid.getString("token")));

        // the suspended one carries a signature that holds again, for the day it is reinstated
        JsonPath suspendedAnswer = Api.verify(Map.of("credential",
                MAPPER.readTree(held(holder, suspended.getString("number"), "/credential").asString())));
        assertThat(suspendedAnswer.getString("result")).isEqualTo("CERTIFICATE_NOT_VALID");
        assertThat(suspendedAnswer.getList("checks.findAll { it.name == 'SIGNATURE' }.passed")).containsExactly(true);

        // the old forms still fail, and now say that a newer signature exists
        JsonPath oldCredential = verifyCredential(valid);
        assertThat(oldCredential.getString("result")).isEqualTo("KEY_COMPROMISED");
        assertThat(oldCredential.getBoolean("newSignatureAvailable")).isTrue();
        assertThat(oldCredential.getMap("certificate")).as("nothing of the certificate is shown").isNull();
        JsonPath oldToken = verifyToken(valid.getString("token"));
        assertThat(oldToken.getString("result")).isEqualTo("KEY_COMPROMISED");
        assertThat(oldToken.getBoolean("newSignatureAvailable")).isTrue();

        // the revoked certificate was not re-signed: its old forms are all there is
        JsonPath revokedView = issuerView(authority, revoked.getString("number"));
        assertThat(revokedView.getString("keyId")).isEqualTo(kid);
        assertThat(revokedView.getString("token")).isEqualTo(revoked.getString("token"));
        JsonPath revokedAnswer = verifyCredential(revoked);
        assertThat(revokedAnswer.getString("result")).isEqualTo("KEY_COMPROMISED");
        assertThat(revokedAnswer.getMap("$")).doesNotContainKey("newSignatureAvailable");

        // a second run has nothing left to do and changes nothing
        JsonPath again = reSign(authority, kid).then().statusCode(200).extract().jsonPath();
        assertThat(again.getInt("reSigned")).isZero();
        assertThat(heldText(holder, number)).isEqualTo(reSignedText);
        assertThat(auditIsIntact(authority)).isTrue();
        assertThat(Database.count("SELECT count(*) FROM audit_entry WHERE action = 'certificate.re-signed' AND subject IN ('"
                + number + "', '" + suspended.getString("number") + "', '" + revoked.getString("number") + "')")).isEqualTo(2);
    }

    @Test
    void an_altered_old_credential_gets_no_hint_even_after_re_signing() throws Exception {
        JsonPath issued = Api.issue("TEST-RK-ED", Requests.engineer());
        String kid = issued.getString("keyId");
        compromiseAndRotate("TEST-RK-ED", kid);
        reSign("TEST-RK-ED", kid).then().statusCode(200);

        ObjectNode altered = (ObjectNode) MAPPER.readTree(issued.prettify()).get("credential");
        ((ObjectNode) altered.get("credentialSubject")).put("workUnit", "另一个单位");
        JsonPath answer = Api.verify(Map.of("credential", altered));

        assertThat(answer.getString("result")).isEqualTo("KEY_COMPROMISED");
        assertThat(answer.getMap("$")).doesNotContainKey("newSignatureAvailable");
        assertThat(verifyCredential(issued).getBoolean("newSignatureAvailable")).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"TEST-RK-ED", "TEST-RK-SM2"})
    void a_failure_midway_leaves_every_certificate_as_it_was_and_a_retry_re_signs_them_all(String authority) throws SQLException {
        rotate(authority);
        List<JsonPath> issued = List.of(Api.issue(authority, Requests.engineer()), Api.issue(authority, Requests.engineer()),
                Api.issue(authority, Requests.engineer()));
        String kid = issued.get(0).getString("keyId");
        compromiseAndRotate(authority, kid);
        long auditEntries = Database.count("SELECT count(*) FROM audit_entry");
        // the database refuses to change the second certificate, as a fault after the first row was written would
        String second = issued.get(1).getString("number");
        Database.update("CREATE OR REPLACE FUNCTION re_signing_test_fault() RETURNS trigger LANGUAGE plpgsql"
                + " AS $$ BEGIN RAISE EXCEPTION 'injected by ReSigningTest'; END $$");
        Database.update("CREATE TRIGGER re_signing_test_fault BEFORE UPDATE ON certificate FOR EACH ROW"
                + " WHEN (OLD.number = '" + second + "') EXECUTE FUNCTION re_signing_test_fault()");
        Response failed;
        try {
            failed = reSign(authority, kid);
        } finally {
            Database.update("DROP TRIGGER re_signing_test_fault ON certificate");
        }

        assertThat(failed.statusCode()).isGreaterThanOrEqualTo(500);
        assertThat(Problems.mediaType(failed)).isEqualTo("application/problem+json");
        for (JsonPath certificate : issued) {
            JsonPath now = issuerView(authority, certificate.getString("number"));
            assertThat(now.getString("keyId")).isEqualTo(kid);
            assertThat(now.getString("token")).isEqualTo(certificate.getString("token"));
            assertThat(verifyToken(certificate.getString("token")).getMap("$")).doesNotContainKey("newSignatureAvailable");
        }
        assertThat(Database.count("SELECT count(*) FROM audit_entry")).isEqualTo(auditEntries);

        JsonPath retried = reSign(authority, kid).then().statusCode(200).extract().jsonPath();
        assertThat(retried.getInt("reSigned")).isEqualTo(3);
        for (JsonPath certificate : issued) {
            JsonPath now = issuerView(authority, certificate.getString("number"));
            assertThat(now.getString("keyId")).isNotEqualTo(kid);
            assertThat(verifyToken(now.getString("token")).getString("result")).isEqualTo("VALID");
        }
        assertThat(auditIsIntact(authority)).isTrue();
    }

    @Test
    void another_authority_may_not_re_sign_and_the_owner_may() {
        String kid = Api.issue("TEST-RK-ED", Requests.engineer()).getString("keyId");
        compromiseAndRotate("TEST-RK-ED", kid);

        Response theirs = given().auth().oauth2(Tokens.issuer("TEST-A")).when()
                .post("/api/v1/issuers/TEST-RK-ED/keys/" + kid + "/re-signing");
        assertThat(theirs.statusCode()).isEqualTo(403);
        assertThat(Problems.mediaType(theirs)).isEqualTo("application/problem+json");
        Response asHolder = given().auth().oauth2(Tokens.holder(IdCards.next())).when()
                .post("/api/v1/issuers/TEST-RK-ED/keys/" + kid + "/re-signing");
        assertThat(asHolder.statusCode()).isEqualTo(403);
        given().when().post("/api/v1/issuers/TEST-RK-ED/keys/" + kid + "/re-signing").then().statusCode(401);

        reSign("TEST-RK-ED", kid).then().statusCode(200);
    }

    @Test
    void a_key_that_is_not_compromised_is_refused_and_so_is_an_authority_with_no_current_key_until_it_rotates() {
        rotate("TEST-RK-SM2");
        String current = Api.issue("TEST-RK-SM2", Requests.engineer()).getString("keyId");

        Response notCompromised = reSign("TEST-RK-SM2", current);
        assertThat(notCompromised.statusCode()).isEqualTo(409);
        assertThat(notCompromised.jsonPath().getString("type")).endsWith("/key-not-compromised");

        // every version still active compromised: the authority has nothing left to sign with
        List<String> active = given().when().get("/api/v1/issuers/TEST-RK-SM2").then().statusCode(200).extract()
                .path("keys.findAll { it.status == 'ACTIVE' }.kid");
        for (String kid : active) {
            given().auth().oauth2(Tokens.issuer("TEST-RK-SM2")).when().post("/api/v1/issuers/TEST-RK-SM2/keys/" + kid + "/compromise")
                    .then().statusCode(200);
        }
        Response noCurrentKey = reSign("TEST-RK-SM2", current);
        assertThat(noCurrentKey.statusCode()).isEqualTo(409);
        assertThat(noCurrentKey.jsonPath().getString("type")).endsWith("/no-signing-key");

        given().auth().oauth2(Tokens.issuer("TEST-RK-SM2")).when().post("/api/v1/issuers/TEST-RK-SM2/keys").then().statusCode(201);
        assertThat(reSign("TEST-RK-SM2", current).then().statusCode(200).extract().jsonPath().getInt("reSigned")).isEqualTo(1);
        reSign("TEST-RK-SM2", "TEST-RK-SM2-k999").then().statusCode(404);
    }

    /** A fresh key version, so that what a test compromises signed only what that test issued. */
    private static String rotate(String authority) {
        return given().auth().oauth2(Tokens.issuer(authority)).when().post("/api/v1/issuers/" + authority + "/keys")
                .then().statusCode(201).extract().path("kid");
    }

    private static String compromiseAndRotate(String authority, String kid) {
        given().auth().oauth2(Tokens.issuer(authority)).when().post("/api/v1/issuers/" + authority + "/keys/" + kid + "/compromise")
                .then().statusCode(200);
        return rotate(authority);
    }

    private static Response reSign(String authority, String kid) {
        return given().auth().oauth2(Tokens.issuer(authority)).when()
                .post("/api/v1/issuers/" + authority + "/keys/" + kid + "/re-signing");
    }

    private static void suspend(String authority, String number) {
        given().auth().oauth2(Tokens.issuer(authority)).contentType(ContentType.JSON).body(Map.of("reason", "核查中"))
                .when().post("/api/v1/certificates/" + number + "/suspension").then().statusCode(200);
    }

    private static void revoke(String authority, String number) {
        given().auth().oauth2(Tokens.issuer(authority)).contentType(ContentType.JSON).body(Map.of("reason", "FRAUD"))
                .when().post("/api/v1/certificates/" + number + "/revocation").then().statusCode(200);
    }

    private static Response held(String holder, String number, String form) {
        Response response = given().auth().oauth2(Tokens.holder(holder)).when().get(ME + "/" + number + form);
        assertThat(response.statusCode()).isEqualTo(200);
        return response;
    }

    private static String heldText(String holder, String number) {
        return held(holder, number, "/credential").asString();
    }

    private static JsonPath issuerView(String authority, String number) {
        return given().auth().oauth2(Tokens.issuer(authority)).when().get("/api/v1/certificates/" + number)
                .then().statusCode(200).extract().jsonPath();
    }

    private static JsonPath verifyCredential(JsonPath issued) {
        return Api.verify(Map.of("credential", issued.getMap("credential")));
    }

    private static JsonPath verifyToken(String token) {
        return Api.verify(Map.of("token", token));
    }

    private static boolean auditIsIntact(String authority) {
        return given().auth().oauth2(Tokens.issuer(authority)).when().post("/api/v1/audit-checks")
                .then().statusCode(200).extract().jsonPath().getBoolean("intact");
    }

    private static ObjectNode withoutProof(ObjectNode credential) {
        ObjectNode copy = credential.deepCopy();
        copy.remove("proof");
        return copy;
    }

    private static com.fasterxml.jackson.databind.JsonNode claims(String token) throws Exception {
        return MAPPER.readTree(java.util.Base64.getUrlDecoder().decode(token.split("\\.")[1]));
    }
}
