package com.etitle.verification;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import com.etitle.certificate.LicenceId;
import com.etitle.certificate.LicenceIds;
import com.etitle.support.Forgery;
import com.etitle.support.Numbers;
import com.etitle.support.Problems;
import com.etitle.support.Requests;
import com.etitle.support.TestEnvironment;
import com.etitle.support.Tokens;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;

@QuarkusTest
class VerificationTest {

    private static final String ID_NUMBER = "110105198003121238";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String BASE64URL = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    private static final String BASE58 = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz";
    private static final List<String> SIGNED_FORM_CHECKS = List.of("FORMAT", "KEY_KNOWN", "KEY_NOT_COMPROMISED", "SIGNATURE", "ISSUER",
            "CERTIFICATE_STATUS");

    /** What the tests need from an issue answer; the credential is the signed document exactly as served. */
    record Issued(String authority, String authorityName, String number, String verificationCode, String keyId, String token,
            ObjectNode credential, String licenceId) {
    }

    // --- genuine certificates verify, in each of the three forms

    @ParameterizedTest
    @ValueSource(strings = {"TEST-A", "TEST-SM2"})
    void a_fresh_certificate_verifies_valid_by_its_credential(String authority) {
        Issued issued = issue(authority);

        Response response = post(Map.of("credential", issued.credential()));

        assertValidAnswer(response, issued, "CREDENTIAL", SIGNED_FORM_CHECKS);
    }

    @ParameterizedTest
    @ValueSource(strings = {"TEST-A", "TEST-SM2"})
    void a_fresh_certificate_verifies_valid_by_its_token(String authority) {
        Issued issued = issue(authority);

        Response response = post(Map.of("token", issued.token()));

        assertValidAnswer(response, issued, "TOKEN", SIGNED_FORM_CHECKS);
    }

    @Test
    void a_fresh_certificate_verifies_valid_by_number_holder_name_and_code() {
        Issued issued = issue("TEST-A");

        Response response = post(byCode(issued.number(), "张三", issued.verificationCode()));

        assertValidAnswer(response, issued, "NUMBER_AND_CODE", List.of("MATCH", "CERTIFICATE_STATUS"));
    }

    // --- the e-licence identifier in place of the number

    @ParameterizedTest
    @ValueSource(strings = {"TEST-A", "TEST-SM2"})
    void a_fresh_certificate_verifies_valid_by_its_e_licence_identifier_in_place_of_its_number(String authority) {
        Issued issued = issue(authority);

        Response response = post(byCode(issued.licenceId(), "张三", issued.verificationCode()));

        assertValidAnswer(response, issued, "NUMBER_AND_CODE", List.of("MATCH", "CERTIFICATE_STATUS"));
    }

    @Test
    void an_identifier_typed_in_lower_case_or_with_spaces_around_it_verifies_too() {
        Issued issued = issue("TEST-A");

        Response response = post(byCode(" " + issued.licenceId().toLowerCase(java.util.Locale.ROOT) + " ", "张三", issued.verificationCode()));

        assertValidAnswer(response, issued, "NUMBER_AND_CODE", List.of("MATCH", "CERTIFICATE_STATUS"));
    }

    @Test
    void an_identifier_with_any_one_character_changed_answers_exactly_like_an_unknown_number() {
        Issued issued = issue("TEST-A");
        JsonNode unknownNumber = withoutCheckedAt(answer(post(byCode(Numbers.unknownLike(issued.number()), "张三", issued.verificationCode()))));
        String id = issued.licenceId();

        for (int i = 0; i < id.length(); i++) {
            char other = id.charAt(i) == '1' ? '2' : '1';
            String changed = id.substring(0, i) + other + id.substring(i + 1);

            JsonNode answer = answer(post(byCode(changed, "张三", issued.verificationCode())));

            assertThat(withoutCheckedAt(answer)).as(changed).isEqualTo(unknownNumber);
        }
        assertThat(unknownNumber.path("result").asText()).isEqualTo("NO_MATCH");
    }

    @Test
    void a_well_formed_identifier_of_the_number_under_another_issuers_code_does_not_match() {
        Issued issued = issue("TEST-A");
        String wrongIssuer = LicenceId.first(LicenceIds.PLACEHOLDER_TYPE_CODE, "11990000TEB000001Q", issued.number()).text();
        String laterVersion = new LicenceId(LicenceIds.PLACEHOLDER_TYPE_CODE, "11990000TEA000001J", issued.number(), "002").text();
        JsonNode wrongName = withoutCheckedAt(answer(post(byCode(issued.number(), "李四", issued.verificationCode()))));

        assertThat(withoutCheckedAt(answer(post(byCode(wrongIssuer, "张三", issued.verificationCode()))))).isEqualTo(wrongName);
        assertThat(withoutCheckedAt(answer(post(byCode(laterVersion, "张三", issued.verificationCode()))))).isEqualTo(wrongName);
        assertThat(wrongName.path("result").asText()).isEqualTo("NO_MATCH");
    }

    @Test
    void the_by_code_statement_reads_the_certificate_through_the_unique_number_index_whichever_way_it_is_named() throws SQLException {
        Issued issued = issue("TEST-A");
        // an identifier is looked up by its serial, so the parameters are numbers either way: the existing and the stand-in
        String[] parameters = {"brake-a", "brake-b", LicenceId.parse(issued.licenceId()).orElseThrow().serial(), issued.number(),
                issued.number()};
        String sql = CodeRow.QUERY;
        for (int i = parameters.length; i >= 1; i--) {
            sql = sql.replace("$" + i, "'" + parameters[i - 1] + "'");
        }
        StringBuilder plan = new StringBuilder();
        try (Connection c = DriverManager.getConnection(TestEnvironment.jdbcUrl(), "postgres", "postgres")) {
            c.setAutoCommit(false);
            try (Statement s = c.createStatement()) {
                // however few rows the test database holds: a statement that could only scan would still show the scan
                s.execute("SET LOCAL enable_seqscan = off");
                try (ResultSet r = s.executeQuery("EXPLAIN " + sql)) {
                    while (r.next()) {
                        plan.append(r.getString(1)).append('\n');
                    }
                }
            }
            c.rollback();
        }

        assertThat(plan.toString()).contains("certificate_number_uk").doesNotContain("Seq Scan on certificate");
    }

    // --- number + name + code: a miss says nothing about which part was wrong

    @Test
    void wrong_name_wrong_code_and_unknown_number_give_identical_no_match_answers() {
        Issued issued = issue("TEST-A");
        String otherCode = issued.verificationCode().charAt(0) == 'A' ? "B" + issued.verificationCode().substring(1)
                : "A" + issued.verificationCode().substring(1);

        JsonNode wrongName = answer(post(byCode(issued.number(), "李四", issued.verificationCode())));
        JsonNode wrongCode = answer(post(byCode(issued.number(), "张三", otherCode)));
        JsonNode unknownNumber = answer(post(byCode(Numbers.unknownLike(issued.number()), "张三", issued.verificationCode())));

        assertThat(wrongName.path("result").asText()).isEqualTo("NO_MATCH");
        assertThat(wrongName.path("valid").asBoolean(true)).isFalse();
        assertThat(wrongName.path("certificate").isMissingNode() || wrongName.path("certificate").isNull()).isTrue();
        assertThat(withoutCheckedAt(wrongCode)).isEqualTo(withoutCheckedAt(wrongName));
        assertThat(withoutCheckedAt(unknownNumber)).isEqualTo(withoutCheckedAt(wrongName));
    }

    // --- tokens: any change is refused, and never with an error

    @Test
    void every_single_character_change_of_a_token_is_refused_and_never_an_error() {
        Issued issued = issue("TEST-A");
        String token = issued.token();
        int headerEnd = token.indexOf('.');
        List<String> wrong = new ArrayList<>();

        for (int i = 0; i < token.length(); i++) {
            char replacement = differentCharacter(token.charAt(i));
            String changed = token.substring(0, i) + replacement + token.substring(i + 1);
            Response response = post(Map.of("token", changed));
            String where = "position " + i + " ('" + token.charAt(i) + "' -> '" + replacement + "')";
            if (response.statusCode() != 200) {
                wrong.add(where + ": HTTP " + response.statusCode());
                continue;
            }
            JsonNode answer = readTree(response.asString());
            if (answer.path("valid").asBoolean(true)) {
                wrong.add(where + ": valid");
            } else if (i > headerEnd && !"BAD_SIGNATURE".equals(answer.path("result").asText())) {
                wrong.add(where + ": " + answer.path("result").asText() + " instead of BAD_SIGNATURE");
            }
        }

        assertThat(wrong).as("changes not refused as expected among %d", token.length()).isEmpty();
    }

    @Test
    void a_token_whose_last_character_differs_only_in_unused_bits_is_refused() {
        Issued issued = issue("TEST-A");
        String token = issued.token();
        // Both algorithms sign with 64 bytes: 86 characters whose last one carries only 2 bits. Flipping a low
        // bit keeps the decoded bytes of a lenient decoder, so only a strict decoder refuses this twin token.
        char last = token.charAt(token.length() - 1);
        String twin = token.substring(0, token.length() - 1) + BASE64URL.charAt(BASE64URL.indexOf(last) ^ 1);

        assertThat(outcome(post(Map.of("token", twin)))).isEqualTo("BAD_SIGNATURE");
    }

    static Stream<Arguments> forgedHeaders() {
        return Stream.of(
                forgedHeader("alg none, no key id, empty signature", "UNSUPPORTED_ALGORITHM",
                        (issued, payload) -> Forgery.withHeader("{\"alg\":\"none\"}", payload, "")),
                forgedHeader("alg none with the real key id, empty signature", "UNSUPPORTED_ALGORITHM",
                        (issued, payload) -> Forgery.withHeader("{\"alg\":\"none\",\"kid\":\"" + issued.keyId() + "\",\"typ\":\"pt+jwt\"}", payload, "")),
                forgedHeader("HS256 keyed with the published public key", "UNSUPPORTED_ALGORITHM", VerificationTest::hmacWithPublicKey),
                forgedHeader("a key id that is not published", "UNKNOWN_KEY", (issued, payload) -> Forgery.withHeader(
                        "{\"alg\":\"EdDSA\",\"kid\":\"TEST-A-k999\",\"typ\":\"pt+jwt\"}", payload, Forgery.part(issued.token(), 2))));
    }

    @ParameterizedTest(name = "{0} gives {1}")
    @MethodSource("forgedHeaders")
    void a_token_with_a_forged_header_is_refused(HeaderForgery forgery, String expected) {
        Issued issued = issue("TEST-A");
        String forged = forgery.apply(issued, Forgery.part(issued.token(), 1));

        assertThat(outcome(post(Map.of("token", forged)))).isEqualTo(expected);
    }

    @Test
    void a_token_claiming_the_other_supported_algorithm_for_its_key_is_a_bad_signature() {
        Issued issued = issue("TEST-A");
        String forged = Forgery.withHeader("{\"alg\":\"SM2SM3\",\"kid\":\"" + issued.keyId() + "\",\"typ\":\"pt+jwt\"}",
                Forgery.part(issued.token(), 1), Forgery.part(issued.token(), 2));

        assertThat(outcome(post(Map.of("token", forged)))).isEqualTo("BAD_SIGNATURE");
    }

    // --- credentials: the signed bytes and the proof are both protected

    static Stream<Arguments> credentialTamperings() {
        List<Arguments> cases = new ArrayList<>();
        for (String authority : List.of("TEST-A", "TEST-SM2")) {
            cases.add(tampering(authority, "holder name", c -> changeText(c, "/credentialSubject/name"), "BAD_SIGNATURE"));
            cases.add(tampering(authority, "qualification date", c -> changeText(c, "/credentialSubject/professionalTitle/qualificationDate"),
                    "BAD_SIGNATURE"));
            cases.add(tampering(authority, "issuer name", c -> changeText(c, "/issuer/name"), "BAD_SIGNATURE"));
            cases.add(tampering(authority, "proof value", VerificationTest::changeProofValue, "BAD_SIGNATURE"));
            cases.add(tampering(authority, "key id of the verification method", c -> replaceKid(c, "TEST-A-k999"), "UNKNOWN_KEY"));
            cases.add(tampering(authority, "key of another authority under this issuer", c -> replaceKid(c, "TEST-B-k1"), "UNKNOWN_KEY"));
            cases.add(tampering(authority, "cryptosuite", c -> proof(c).put("cryptosuite", "eddsa-rdfc-2022"), "UNSUPPORTED_ALGORITHM"));
            cases.add(tampering(authority, "cryptosuite of the other supported algorithm", VerificationTest::swapCryptosuite, "BAD_SIGNATURE"));
            cases.add(tampering(authority, "proof removed", c -> c.remove("proof"), "MALFORMED"));
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0}: changing the {1} gives {2}")
    @MethodSource("credentialTamperings")
    void a_changed_credential_is_refused(String authority, Consumer<ObjectNode> change, String expected) {
        ObjectNode credential = issue(authority).credential();
        change.accept(credential);

        assertThat(outcome(post(Map.of("credential", credential)))).isEqualTo(expected);
    }

    // --- signatures by a real key do not vouch for another issuer

    @ParameterizedTest
    @ValueSource(strings = {"TEST-A", "TEST-SM2"})
    void a_token_re_signed_unchanged_with_the_authoritys_key_verifies_valid(String authority) {
        Issued issued = issue(authority);

        String resigned = Forgery.signToken(issued.authority(), issued.keyId(), Forgery.claims(issued.token()));

        assertThat(outcome(post(Map.of("token", resigned)))).isEqualTo("VALID");
    }

    @ParameterizedTest
    @ValueSource(strings = {"TEST-A", "TEST-SM2"})
    void a_token_signed_with_the_authoritys_key_but_naming_another_issuer_is_unknown_issuer(String authority) {
        Issued issued = issue(authority);
        Map<String, Object> claims = Forgery.claims(issued.token());
        claims.put("iss", "TEST-B");

        String forged = Forgery.signToken(issued.authority(), issued.keyId(), claims);

        assertThat(outcome(post(Map.of("token", forged)))).isEqualTo("UNKNOWN_ISSUER");
    }

    @ParameterizedTest
    @ValueSource(strings = {"TEST-A", "TEST-SM2"})
    void a_credential_re_signed_unchanged_with_the_authoritys_key_verifies_valid(String authority) {
        Issued issued = issue(authority);

        ObjectNode resigned = Forgery.signCredential(issued.authority(), issued.keyId(), issued.credential(), verificationMethodOf(issued));

        assertThat(outcome(post(Map.of("credential", resigned)))).isEqualTo("VALID");
    }

    @ParameterizedTest
    @ValueSource(strings = {"TEST-A", "TEST-SM2"})
    void a_credential_signed_with_the_authoritys_key_but_naming_another_issuer_is_unknown_issuer(String authority) {
        Issued issued = issue(authority);
        ObjectNode credential = issued.credential();
        ((ObjectNode) credential.get("issuer")).put("id", "http://localhost:8081/api/v1/issuers/TEST-B").put("name", "另一省人力资源和社会保障厅");

        ObjectNode forged = Forgery.signCredential(issued.authority(), issued.keyId(), credential, verificationMethodOf(issued));

        assertThat(outcome(post(Map.of("credential", forged)))).isEqualTo("UNKNOWN_ISSUER");
    }

    @Test
    void a_token_signed_by_one_authority_for_another_authoritys_certificate_is_not_valid() {
        Issued ofA = issue("TEST-A");
        Issued ofB = issue("TEST-B");
        Map<String, Object> claims = Forgery.claims(ofB.token());
        claims.put("sub", ofA.number());

        JsonNode answer = answer(post(Map.of("token", Forgery.signToken("TEST-B", ofB.keyId(), claims))));

        assertThat(answer.path("result").asText()).isEqualTo("CERTIFICATE_NOT_VALID");
        assertThat(answer.path("certificate").isNull()).isTrue();
    }

    // --- the register's status decides, whatever the signature

    @Test
    void a_revoked_certificate_verifies_as_not_valid_in_every_form() {
        Issued issued = issue("TEST-A");
        revoke(issued.number());

        for (Map<String, Object> request : List.<Map<String, Object>>of(Map.of("credential", issued.credential()), Map.of("token", issued.token()),
                byCode(issued.number(), "张三", issued.verificationCode()))) {
            JsonNode answer = answer(post(request));
            assertThat(answer.path("result").asText()).as("%s", request.keySet()).isEqualTo("CERTIFICATE_NOT_VALID");
            assertThat(answer.path("valid").asBoolean(true)).isFalse();
            assertThat(answer.at("/certificate/status").asText()).isEqualTo("REVOKED");
            assertThat(lastCheck(answer)).isEqualTo("CERTIFICATE_STATUS failed");
        }
    }

    // --- requests the service cannot answer

    @Test
    void a_body_that_is_not_json_is_a_malformed_request() {
        Response response = postRaw("{\"token\": ");

        Problems.assertProblem(response, 400, "/problems/malformed-request");
    }

    @Test
    void a_body_with_a_duplicate_member_name_is_a_malformed_request() {
        Response response = postRaw("{\"token\":\"a\",\"token\":\"b\"}");

        JsonPath problem = Problems.assertProblem(response, 400, "/problems/malformed-request");
        assertThat(problem.getString("detail")).containsIgnoringCase("duplicate");
    }

    @Test
    void a_body_just_under_64_kib_is_read_and_answered() {
        String body = "{\"token\":\"" + "A".repeat(60_000) + "\"}";

        assertThat(outcome(postRaw(body))).isEqualTo("BAD_SIGNATURE");
    }

    @Test
    void a_body_over_64_kib_is_refused_with_a_problem() {
        String body = "{\"token\":\"" + "A".repeat(70_000) + "\"}";

        Problems.assertProblem(postRaw(body), 413, "/problems/payload-too-large");
    }

    @Test
    void a_chunked_body_without_a_length_is_refused_with_a_problem() throws Exception {
        // REST Assured always sends a length; the JDK client over HTTP/1.1 streams a publisher of unknown size chunked.
        HttpRequest request = HttpRequest.newBuilder(URI.create(RestAssured.baseURI + ":" + RestAssured.port + "/api/v1/verifications"))
                .version(HttpClient.Version.HTTP_1_1)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(
                        () -> new ByteArrayInputStream("{\"token\":\"a.b.c\"}".getBytes(StandardCharsets.UTF_8))))
                .build();
        HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(411);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(readTree(response.body()).path("type").asText()).isEqualTo("/problems/length-required");
    }

    @Test
    void a_credential_holding_what_canonical_json_cannot_express_is_a_bad_signature() {
        Issued issued = issue("TEST-A");
        String credential = issued.credential().toString();
        // 1e400 is no IEEE double (JCS cannot write it); a lone surrogate has no UTF-8 form: neither can have been signed
        String hugeNumber = credential.replaceFirst("\\{", "{\"extra\":1e400,");
        String loneSurrogate = credential.replaceFirst("\\{", "{\"extra\":\"\\\\ud800\",");

        assertThat(outcome(postRaw("{\"credential\":" + hugeNumber + "}"))).isEqualTo("BAD_SIGNATURE");
        assertThat(outcome(postRaw("{\"credential\":" + loneSurrogate + "}"))).isEqualTo("BAD_SIGNATURE");
    }

    @Test
    void sending_two_forms_at_once_is_a_validation_failure() {
        Issued issued = issue("TEST-A");

        Response response = post(Map.of("token", issued.token(), "credential", issued.credential()));

        Problems.assertProblem(response, 422, "/problems/validation-failed");
    }

    @Test
    void sending_no_form_is_a_validation_failure() {
        Problems.assertProblem(postRaw("{}"), 422, "/problems/validation-failed");
    }

    @Test
    void the_number_form_without_holder_name_names_the_missing_field() {
        Issued issued = issue("TEST-A");

        Response response = post(Map.of("certificateNumber", issued.number(), "verificationCode", issued.verificationCode()));

        JsonPath problem = Problems.assertProblem(response, 422, "/problems/validation-failed");
        assertThat(problem.getList("invalid-params.name", String.class)).containsExactly("holderName");
    }

    @Test
    void valid_and_refused_answers_are_not_stored_by_caches() {
        Issued issued = issue("TEST-A");

        Response valid = post(Map.of("token", issued.token()));
        Response noMatch = post(byCode(issued.number(), "李四", issued.verificationCode()));

        assertThat(outcome(valid)).isEqualTo("VALID");
        assertThat(valid.header("Cache-Control")).isEqualTo("no-store");
        assertThat(outcome(noMatch)).isEqualTo("NO_MATCH");
        assertThat(noMatch.header("Cache-Control")).isEqualTo("no-store");
    }

    // --- issuing, asking, reading answers

    private static Issued issue(String authority) {
        String body = given().auth().oauth2(Tokens.issuer(authority)).contentType(ContentType.JSON).body(Requests.engineer())
                .when().post("/api/v1/certificates")
                .then().statusCode(201).extract().asString();
        JsonNode issued = readTree(body);
        return new Issued(authority, issued.at("/issuer/name").asText(), issued.path("number").asText(),
                issued.path("verificationCode").asText(), issued.path("keyId").asText(), issued.path("token").asText(),
                (ObjectNode) issued.path("credential"), issued.path("licenceId").asText());
    }

    private static Map<String, Object> byCode(String number, String holderName, String code) {
        return Map.of("certificateNumber", number, "holderName", holderName, "verificationCode", code);
    }

    private static Response post(Map<String, ?> request) {
        try {
            return postRaw(JSON.writeValueAsString(request));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Response postRaw(String json) {
        return given().contentType(ContentType.JSON).body(json.getBytes(StandardCharsets.UTF_8))
                .when().post("/api/v1/verifications");
    }

    /** The answer of a 200, checked to say valid exactly when the result is VALID. */
    private static JsonNode answer(Response response) {
        assertThat(response.statusCode()).as("status of %s", response.asString()).isEqualTo(200);
        assertThat(Problems.mediaType(response)).isEqualTo("application/json");
        JsonNode answer = readTree(response.asString());
        assertThat(answer.path("valid").asBoolean()).as("valid of %s", answer).isEqualTo("VALID".equals(answer.path("result").asText()));
        return answer;
    }

    private static String outcome(Response response) {
        return answer(response).path("result").asText();
    }

    private static void assertValidAnswer(Response response, Issued issued, String method, List<String> checks) {
        JsonNode answer = answer(response);
        assertThat(answer.path("result").asText()).isEqualTo("VALID");
        assertThat(answer.path("valid").asBoolean()).isTrue();
        assertThat(answer.path("method").asText()).isEqualTo(method);
        assertThat(answer.path("checks").findValuesAsText("name")).containsExactlyElementsOf(checks);
        assertThat(answer.path("checks").findValues("passed")).allMatch(JsonNode::booleanValue);

        JsonNode certificate = answer.path("certificate");
        assertThat(certificate.path("certificateNumber").asText()).isEqualTo(issued.number());
        assertThat(certificate.path("licenceId").asText()).isEqualTo(issued.licenceId()).contains("." + issued.number() + ".001.");
        assertThat(certificate.path("holderName").asText()).isEqualTo("张三");
        assertThat(certificate.path("qualificationName").asText()).isEqualTo("高级工程师");
        assertThat(certificate.path("level").asText()).isEqualTo("DEPUTY_SENIOR");
        assertThat(certificate.path("series").asText()).isEqualTo("工程");
        assertThat(certificate.path("specialty").asText()).isEqualTo("建筑设计");
        assertThat(certificate.at("/issuingAuthority/code").asText()).isEqualTo(issued.authority());
        assertThat(certificate.at("/issuingAuthority/name").asText()).isEqualTo(issued.authorityName()).isNotBlank();
        assertThat(certificate.path("qualificationDate").asText()).isEqualTo("2026-06-18");
        assertThat(certificate.path("status").asText()).isEqualTo("VALID");
        assertThat(Instant.parse(answer.path("checkedAt").asText())).isBetween(Instant.now().minusSeconds(60), Instant.now().plusSeconds(5));

        assertThat(response.asString()).doesNotContain(ID_NUMBER, "holderIdNumber");
        assertThat(response.header("Cache-Control")).isEqualTo("no-store");
    }

    private static JsonNode withoutCheckedAt(JsonNode answer) {
        ObjectNode copy = answer.deepCopy();
        copy.remove("checkedAt");
        return copy;
    }

    private static String lastCheck(JsonNode answer) {
        JsonNode checks = answer.path("checks");
        JsonNode last = checks.get(checks.size() - 1);
        return last.path("name").asText() + (last.path("passed").asBoolean() ? " passed" : " failed");
    }

    /** Revoked the way an authority does it; the answer comes once this replica's memory has the change too. */
    private static void revoke(String number) {
        given().auth().oauth2(Tokens.issuer("TEST-A")).contentType("application/json").body(Map.of("reason", "COURT_ORDER"))
                .post("/api/v1/certificates/" + number + "/revocation").then().statusCode(200);
    }

    // --- changing tokens and credentials

    /** Another base64url character whose top bit differs, so the decoded bytes always change; a dot becomes a letter. */
    private static char differentCharacter(char c) {
        return c == '.' ? 'A' : BASE64URL.charAt(BASE64URL.indexOf(c) ^ 32);
    }

    /** The classic algorithm-confusion forgery: HMAC keyed with the bytes of the authority's public key. */
    private static String hmacWithPublicKey(Issued issued, String payload) {
        String x = given().when().get("/api/v1/issuers/{code}", issued.authority())
                .then().statusCode(200).extract().jsonPath()
                .getString("keys.find { it.kid == '" + issued.keyId() + "' }.publicKeyJwk.x");
        String signingInput = Forgery.base64Url(("{\"alg\":\"HS256\",\"kid\":\"" + issued.keyId() + "\",\"typ\":\"pt+jwt\"}")
                .getBytes(StandardCharsets.UTF_8)) + "." + payload;
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(Base64.getUrlDecoder().decode(x), "HmacSHA256"));
            return signingInput + "." + Forgery.base64Url(mac.doFinal(signingInput.getBytes(StandardCharsets.US_ASCII)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String verificationMethodOf(Issued issued) {
        return issued.credential().at("/proof/verificationMethod").asText();
    }

    private static void changeText(ObjectNode credential, String pointer) {
        int slash = pointer.lastIndexOf('/');
        ObjectNode parent = (ObjectNode) credential.at(pointer.substring(0, slash));
        String field = pointer.substring(slash + 1);
        String value = parent.path(field).asText();
        assertThat(value).as(pointer).isNotEmpty();
        // the last character becomes the next code point: 张三 -> 张上, 2026-06-18 -> 2026-06-19
        parent.put(field, value.substring(0, value.length() - 1) + (char) (value.charAt(value.length() - 1) + 1));
    }

    private static void changeProofValue(ObjectNode credential) {
        String value = proof(credential).path("proofValue").asText();
        int middle = value.length() / 2;
        char replacement = BASE58.charAt((BASE58.indexOf(value.charAt(middle)) + 1) % BASE58.length());
        proof(credential).put("proofValue", value.substring(0, middle) + replacement + value.substring(middle + 1));
    }

    private static void replaceKid(ObjectNode credential, String kid) {
        String method = proof(credential).path("verificationMethod").asText();
        proof(credential).put("verificationMethod", method.substring(0, method.indexOf('#') + 1) + kid);
    }

    private static void swapCryptosuite(ObjectNode credential) {
        String suite = proof(credential).path("cryptosuite").asText();
        proof(credential).put("cryptosuite", "eddsa-jcs-2022".equals(suite) ? "sm2sm3-jcs-2026" : "eddsa-jcs-2022");
    }

    private static ObjectNode proof(ObjectNode credential) {
        return (ObjectNode) credential.get("proof");
    }

    private static JsonNode readTree(String json) {
        try {
            return JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Builds a token with a forged header from a genuine certificate and its payload part. */
    @FunctionalInterface
    interface HeaderForgery {
        String apply(Issued issued, String payload);
    }

    private static Arguments forgedHeader(String name, String expected, HeaderForgery forgery) {
        return Arguments.of(Named.of(name, forgery), expected);
    }

    private static Arguments tampering(String authority, String what, Consumer<ObjectNode> change, String expected) {
        return Arguments.of(authority, Named.of(what, change), expected);
    }
}
