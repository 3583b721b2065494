package com.etitle.verification;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;

import com.etitle.support.Api;
import com.etitle.support.Forgery;
import com.etitle.support.PublicUrlProfile;
import com.etitle.support.Requests;
import com.etitle.support.Tokens;
import com.etitle.support.VcLibraries;
import com.etitle.support.VcLibraries.Check;
import com.etitle.support.VcLibraries.Result;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;

/**
 * What we publish, checked with the tools a verifier brings: Digital Bazaar's {@code @digitalbazaar/vc} with
 * {@code data-integrity} and {@code eddsa-jcs-2022-cryptosuite}, {@code vc-bitstring-status-list}, and
 * {@code jsonld}'s safe mode, with a plain document loader (standard contexts from their npm packages, every
 * other document fetched from the service as it is; see {@code src/test/js/vc/check.mjs}). The service
 * listens at its public URL, so the libraries follow the very ids and URLs the documents carry.
 */
@QuarkusTest
@TestProfile(PublicUrlProfile.class)
class StandardVcLibrariesTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    // --- credentials

    @Test
    void a_credential_of_an_ed25519_authority_verifies_with_its_status_checked() {
        ObjectNode credential = credentialOf("TEST-A");

        Result result = run(Check.verify("credential").document(credential).withStatus());

        JsonNode verdict = result.of("credential");
        assertThat(verdict.path("verified").asBoolean()).as("vc.verifyCredential:\n%s", result).isTrue();
        assertThat(verdict.path("statusVerified").asBoolean()).as("checkStatus:\n%s", result).isTrue();
        assertThat(verdict.at("/status/revocation/set").isBoolean()).as("revocation status read:\n%s", result).isTrue();
        assertThat(verdict.at("/status/revocation/set").asBoolean()).as("revocation bit of a fresh certificate:\n%s", result).isFalse();
        assertThat(verdict.at("/status/suspension/set").asBoolean(true)).as("suspension bit of a fresh certificate:\n%s", result).isFalse();
    }

    @Test
    void a_credential_with_one_character_changed_in_a_claim_does_not_verify() {
        ObjectNode credential = credentialOf("TEST-A");
        ObjectNode tampered = credential.deepCopy();
        changeLastCharacter((ObjectNode) tampered.path("credentialSubject"), "name");

        Result result = run(Check.verify("genuine").document(credential).withStatus(),
                Check.verify("tampered").document(tampered).withStatus());

        assertThat(result.of("genuine").path("verified").asBoolean()).as("the genuine twin verifies:\n%s", result).isTrue();
        assertThat(result.of("tampered").path("verified").asBoolean(true)).as("tampered:\n%s", result).isFalse();
        assertThat(result.of("tampered").path("errors").toString()).as("tampered:\n%s", result).contains("Invalid signature");
    }

    @Test
    void a_credential_in_the_form_issued_before_the_dids_verifies_and_its_revocation_is_seen() {
        ObjectNode credential = credentialOf("TEST-A");
        ObjectNode before = namedAsBeforeTheDids(credential);

        Result fresh = run(Check.verify("before the DIDs").document(before).withStatus());
        given().auth().oauth2(Tokens.issuer("TEST-A")).contentType(ContentType.JSON).body(Map.of("reason", "ISSUED_IN_ERROR"))
                .post("/api/v1/certificates/{number}/revocation", numberOf(credential)).then().statusCode(200);
        Result revoked = run(Check.verify("before the DIDs").document(before).withStatus());

        assertThat(fresh.of("before the DIDs").path("verified").asBoolean()).as("vc.verifyCredential:\n%s", fresh).isTrue();
        assertThat(fresh.of("before the DIDs").path("statusVerified").asBoolean()).as("checkStatus:\n%s", fresh).isTrue();
        assertThat(fresh.of("before the DIDs").at("/status/revocation/set").asBoolean(true)).as("fresh:\n%s", fresh).isFalse();
        assertThat(revoked.of("before the DIDs").at("/status/revocation/set").asBoolean()).as("revoked:\n%s", revoked).isTrue();
    }

    // --- status lists

    @Test
    void both_status_lists_a_credential_names_verify_as_credentials() {
        ObjectNode credential = credentialOf("TEST-A");
        List<Check> checks = new ArrayList<>();
        for (JsonNode entry : credential.path("credentialStatus")) {
            checks.add(Check.verify(entry.path("statusPurpose").asText()).url(entry.path("statusListCredential").asText()));
        }
        assertThat(checks).as("status entries of %s", credential).hasSize(2);

        Result result = run(checks.toArray(Check[]::new));

        for (String purpose : List.of("revocation", "suspension")) {
            assertThat(result.of(purpose).path("verified").asBoolean()).as("%s list:\n%s", purpose, result).isTrue();
        }
    }

    @Test
    void a_status_list_with_one_character_changed_does_not_verify() {
        String url = statusListUrl(credentialOf("TEST-A"), "revocation");
        ObjectNode list = read(given().accept(ContentType.JSON).get(url).then().statusCode(200).extract().asString());
        ObjectNode tampered = list.deepCopy();
        changeLastCharacter((ObjectNode) tampered.path("credentialSubject"), "encodedList");

        Result result = run(Check.verify("genuine").document(list), Check.verify("tampered").document(tampered));

        assertThat(result.of("genuine").path("verified").asBoolean()).as("the genuine twin verifies:\n%s", result).isTrue();
        assertThat(result.of("tampered").path("verified").asBoolean(true)).as("tampered:\n%s", result).isFalse();
        assertThat(result.of("tampered").path("errors").toString()).as("tampered:\n%s", result).contains("Invalid signature");
    }

    @Test
    void after_a_revocation_the_library_sees_the_revocation_bit_set() {
        ObjectNode credential = credentialOf("TEST-A");
        given().auth().oauth2(Tokens.issuer("TEST-A")).contentType(ContentType.JSON).body(Map.of("reason", "ISSUED_IN_ERROR"))
                .post("/api/v1/certificates/{number}/revocation", numberOf(credential)).then().statusCode(200);

        Result result = run(Check.verify("revoked").document(credential).withStatus());

        // vc-bitstring-status-list reports the bit and leaves the decision to the verifier: "verified" says that
        // the proof and the status lists checked out, "status" is the bit read from the list
        JsonNode verdict = result.of("revoked");
        assertThat(verdict.path("verified").asBoolean()).as("vc.verifyCredential:\n%s", result).isTrue();
        assertThat(verdict.path("statusVerified").asBoolean()).as("checkStatus:\n%s", result).isTrue();
        assertThat(verdict.at("/status/revocation/set").asBoolean()).as("revocation bit:\n%s", result).isTrue();
        assertThat(verdict.at("/status/suspension/set").asBoolean(true)).as("suspension bit:\n%s", result).isFalse();
    }

    @Test
    void after_a_suspension_the_library_sees_the_suspension_bit_set() {
        ObjectNode credential = credentialOf("TEST-A");
        given().auth().oauth2(Tokens.issuer("TEST-A")).contentType(ContentType.JSON).body(Map.of("reason", "调查中"))
                .post("/api/v1/certificates/{number}/suspension", numberOf(credential)).then().statusCode(200);

        Result result = run(Check.verify("suspended").document(credential).withStatus());

        JsonNode verdict = result.of("suspended");
        assertThat(verdict.path("statusVerified").asBoolean()).as("checkStatus:\n%s", result).isTrue();
        assertThat(verdict.at("/status/suspension/set").asBoolean()).as("suspension bit:\n%s", result).isTrue();
        assertThat(verdict.at("/status/revocation/set").asBoolean(true)).as("revocation bit:\n%s", result).isFalse();
    }

    // --- JSON-LD: every published document means what it says, no term dropped

    @Test
    void every_published_document_expands_in_json_ld_safe_mode() {
        ObjectNode ed25519 = credentialOf("TEST-A");
        ObjectNode sm2 = credentialOf("TEST-SM2");
        List<Check> checks = List.of(
                Check.expand("Ed25519 credential").document(ed25519),
                Check.expand("its revocation list").url(statusListUrl(ed25519, "revocation")),
                Check.expand("its suspension list").url(statusListUrl(ed25519, "suspension")),
                Check.expand("its issuer's document").url(issuerOf(ed25519)),
                Check.expand("authority document TEST-A").url(authorityDocument("TEST-A")),
                Check.expand("void notice").url(publishedVoidNotice("TEST-A")),
                // SM2 (sm2sm3-jcs-2026) has no library to verify it with; its documents must still be sound JSON-LD
                Check.expand("SM2 credential").document(sm2),
                Check.expand("its status list").url(statusListUrl(sm2, "revocation")),
                Check.expand("the SM2 issuer's document").url(issuerOf(sm2)),
                Check.expand("authority document TEST-SM2").url(authorityDocument("TEST-SM2")));

        Result result = run(checks.toArray(Check[]::new));

        SoftAssertions softly = new SoftAssertions();
        for (Check check : checks) {
            softly.assertThat(result.of(check.name()).path("expanded").asBoolean())
                    .as("%s: %s", check.name(), result.of(check.name())).isTrue();
        }
        softly.assertAll();
    }

    @Test
    void safe_mode_expansion_throws_on_a_term_no_context_defines() {
        ObjectNode credential = credentialOf("TEST-A");
        List<Check> checks = List.of(
                Check.expand("credential").document(credential).withUndefinedTerm(),
                Check.expand("revocation list").url(statusListUrl(credential, "revocation")).withUndefinedTerm(),
                Check.expand("issuer's document").url(issuerOf(credential)).withUndefinedTerm(),
                Check.expand("authority document").url(authorityDocument("TEST-A")).withUndefinedTerm(),
                Check.expand("void notice").url(publishedVoidNotice("TEST-A")).withUndefinedTerm());

        Result result = run(checks.toArray(Check[]::new));

        SoftAssertions softly = new SoftAssertions();
        for (Check check : checks) {
            JsonNode verdict = result.of(check.name());
            softly.assertThat(verdict.path("expanded").asBoolean(true)).as("%s: %s", check.name(), verdict).isFalse();
            softly.assertThat(verdict.path("errors").toString()).as("%s: %s", check.name(), verdict).contains("notDefined");
        }
        softly.assertAll();
    }

    // --- helpers

    private static Result run(Check... checks) {
        return VcLibraries.run(PublicUrlProfile.publicUrl(), List.of(checks));
    }

    /** A fresh certificate's credential, exactly as the issue answer carries it. */
    private static ObjectNode credentialOf(String authority) {
        return (ObjectNode) read(given().auth().oauth2(Tokens.issuer(authority)).contentType(ContentType.JSON).body(Requests.engineer())
                .when().post("/api/v1/certificates")
                .then().statusCode(201).extract().asString()).path("credential");
    }

    private static String numberOf(ObjectNode credential) {
        String number = credential.at("/credentialSubject/professionalTitle/certificateNumber").asText();
        assertThat(number).as("certificate number in %s", credential).isNotEmpty();
        return number;
    }

    /**
     * The credential as the service issued it before the DIDs: issuer and verification method are the authority
     * document's URL, and the status entries name the lists at {@code <list>-<purpose>}; signed by the same key.
     */
    private static ObjectNode namedAsBeforeTheDids(ObjectNode credential) {
        String kid = credential.at("/proof/verificationMethod").asText().replaceAll(".*#", "");
        ObjectNode before = credential.deepCopy();
        before.remove("proof");
        ((ObjectNode) before.path("issuer")).put("id", authorityDocument("TEST-A"));
        for (JsonNode entry : before.path("credentialStatus")) {
            ObjectNode status = (ObjectNode) entry;
            String list = status.path("statusListCredential").asText().replaceAll("/([a-z]+)$", "-$1");
            status.put("statusListCredential", list);
            status.put("id", list + "#" + status.path("statusListIndex").asText());
        }
        return Forgery.signCredential("TEST-A", kid, before, authorityDocument("TEST-A") + "#" + kid);
    }

    private static String issuerOf(ObjectNode credential) {
        JsonNode issuer = credential.path("issuer");
        return issuer.isObject() ? issuer.path("id").asText() : issuer.asText();
    }

    private static String statusListUrl(ObjectNode credential, String purpose) {
        for (JsonNode entry : credential.path("credentialStatus")) {
            if (purpose.equals(entry.path("statusPurpose").asText())) {
                return entry.path("statusListCredential").asText();
            }
        }
        throw new AssertionError("no " + purpose + " status entry in " + credential);
    }

    private static String authorityDocument(String code) {
        return PublicUrlProfile.publicUrl() + "/api/v1/issuers/" + code;
    }

    /** The URL of a void notice the authority has just published (a replaced certificate's declaration in it). */
    private static String publishedVoidNotice(String authority) {
        Api.issueAndReplace(authority, Requests.engineer());
        String id = read(given().auth().oauth2(Tokens.issuer(authority)).post("/api/v1/void-notices")
                .then().statusCode(201).extract().asString()).path("id").asText();
        assertThat(id).startsWith(PublicUrlProfile.publicUrl());
        return id;
    }

    /** The last character of a text field becomes the next code point: 张三 -> 张上. */
    private static void changeLastCharacter(ObjectNode node, String field) {
        String value = node.path(field).asText();
        assertThat(value).as(field).isNotEmpty();
        node.put(field, value.substring(0, value.length() - 1) + (char) (value.charAt(value.length() - 1) + 1));
    }

    private static ObjectNode read(String json) {
        try {
            return (ObjectNode) JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
