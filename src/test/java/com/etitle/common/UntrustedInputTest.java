package com.etitle.common;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.etitle.support.Api;
import com.etitle.support.Committees;
import com.etitle.support.Database;
import com.etitle.support.Problems;
import com.etitle.support.Publicity;
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
 * What a caller sends is refused, never stored and never a 5xx, when it holds characters no field may hold, has the
 * wrong JSON type or is longer than its column; and names are stored as people read them (NFC).
 */
@QuarkusTest
class UntrustedInputTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    TestClock clock;

    @AfterEach
    void realTime() {
        clock.reset();
    }

    private static Response issue(Object body) {
        return given().auth().oauth2(Tokens.issuer("TEST-A")).contentType(ContentType.JSON).body(body).when().post("/api/v1/certificates");
    }

    private static String invalidParam(JsonPath problem) {
        return problem.getString("'invalid-params'[0].name");
    }

    // --- strings in a body ---

    /** NUL bytes first make JSON's encoding detection read UTF-32; its invalid characters are the caller's, not a 500. */
    @ParameterizedTest
    @ValueSource(strings = {"\u0000\u0000\u0000f\u5581\u007f\u4e00:", "\u0000\u0000\u0000{\u0000\u0000\u0000}\u00ff\u00ff"})
    void a_body_that_cannot_be_decoded_is_a_400_problem(String body) {
        Response response = given().contentType(ContentType.JSON).body(body.getBytes(StandardCharsets.UTF_8)).post("/api/v1/verifications");

        assertThat(response.statusCode()).as(response.asString()).isEqualTo(400);
        assertThat(Problems.mediaType(response)).isEqualTo(Problems.MEDIA_TYPE);
    }

    @Test
    void the_same_request_as_utf_8_json_is_answered() {
        Response response = given().contentType(ContentType.JSON).body("{\"token\":\"f\"}".getBytes(StandardCharsets.UTF_8))
                .post("/api/v1/verifications");

        assertThat(response.statusCode()).isEqualTo(200);
    }

    @Test
    void a_nul_in_a_body_field_is_refused_naming_the_field_and_nothing_is_issued() {
        long before = Database.count("SELECT count(*) FROM certificate");

        JsonPath problem = Problems.assertProblem(issue(Requests.with("workUnit", "测试\u0000研究院")), 400, "/problems/malformed-request");

        assertThat(invalidParam(problem)).isEqualTo("workUnit");
        assertThat(Database.count("SELECT count(*) FROM certificate")).isEqualTo(before);
    }

    @Test
    void the_same_body_without_the_nul_is_issued() {
        assertThat(issue(Requests.with("workUnit", "测试研究院")).statusCode()).isEqualTo(201);
    }

    @ParameterizedTest(name = "U+{0}")
    @ValueSource(ints = {0x01, 0x1b, 0x7f, 0x85, 0x9f})
    void every_other_control_character_in_a_body_is_refused_too(int c) {
        JsonPath problem = Problems.assertProblem(issue(Requests.with("holderName", "张" + Character.toString(c) + "三")), 400,
                "/problems/malformed-request");

        assertThat(invalidParam(problem)).isEqualTo("holderName");
    }

    @Test
    void a_nul_deep_in_a_body_is_named_by_its_path() {
        clock.set(Publicity.MONDAY);
        Map<String, Object> notice = Publicity.notice(Committees.insert("TEST-A"), Publicity.MONDAY);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> candidates = (List<Map<String, Object>>) notice.get("candidates");
        candidates.get(1).put("specialty", "建筑\u0000设计");

        JsonPath problem = Problems.assertProblem(Publicity.open("TEST-A", notice), 400, "/problems/malformed-request");

        assertThat(invalidParam(problem)).isEqualTo("candidates/1/specialty");
    }

    @Test
    void a_half_surrogate_pair_is_refused_and_a_whole_one_is_accepted() {
        Problems.assertProblem(issue(Requests.with("workUnit", "测试\ud842研究院")), 400, "/problems/malformed-request");

        JsonPath issued = issue(Requests.with("workUnit", "测试\ud842\udfb7研究院")).then().statusCode(201).extract().jsonPath();
        assertThat(issued.getString("workUnit")).isEqualTo("测试𠮷研究院");
    }

    // --- JSON types ---

    @Test
    void a_number_or_a_boolean_is_not_a_name() {
        JsonPath number = Problems.assertProblem(issue(Requests.with("holderName", 123)), 400, "/problems/malformed-request");
        JsonPath bool = Problems.assertProblem(issue(Requests.with("holderName", true)), 400, "/problems/malformed-request");

        assertThat(invalidParam(number)).isEqualTo("holderName");
        assertThat(invalidParam(bool)).isEqualTo("holderName");
    }

    @Test
    void the_same_name_as_a_string_is_issued() {
        assertThat(issue(Requests.with("holderName", "张三")).statusCode()).isEqualTo(201);
    }

    // --- names ---

    @Test
    void decomposed_and_precomposed_forms_of_a_name_are_stored_as_the_same_precomposed_name() {
        String composed = Normalizer.normalize("Zoë Liú", Normalizer.Form.NFC);
        String decomposed = Normalizer.normalize(composed, Normalizer.Form.NFD);
        assertThat(decomposed).isNotEqualTo(composed);

        String fromDecomposed = issue(Requests.with("holderName", decomposed)).then().statusCode(201).extract().path("number");
        String fromComposed = issue(Requests.with("holderName", composed)).then().statusCode(201).extract().path("number");

        assertThat(Database.string("SELECT holder_name FROM certificate WHERE number = '" + fromDecomposed + "'")).isEqualTo(composed);
        assertThat(Database.string("SELECT holder_name FROM certificate WHERE number = '" + fromComposed + "'")).isEqualTo(composed);
        // the signed forms carry the stored name, so a verifier typing the name either way meets one form
        assertThat(Api.verify(Map.of("token", issued(fromDecomposed).getString("token"))).getString("certificate.holderName"))
                .isEqualTo(composed);
    }

    private static JsonPath issued(String number) {
        return given().auth().oauth2(Tokens.issuer("TEST-A")).when().get("/api/v1/certificates/" + number)
                .then().statusCode(200).extract().jsonPath();
    }

    @ParameterizedTest(name = "U+{0}")
    @ValueSource(ints = {0x200b, 0x200d, 0x200e, 0x202e, 0x2066, 0x2069, 0xfeff})
    void invisible_and_bidirectional_controls_in_a_name_are_refused(int c) {
        JsonPath problem = Problems.assertProblem(issue(Requests.with("holderName", "张" + Character.toString(c) + "三")), 422,
                "/problems/validation-failed");

        assertThat(invalidParam(problem)).isEqualTo("holderName");
    }

    @Test
    void a_name_with_a_middle_dot_as_minority_names_are_written_is_issued() {
        assertThat(issue(Requests.with("holderName", "阿依古丽·吐尔逊")).statusCode()).isEqualTo(201);
    }

    // --- path, query and headers ---

    @ParameterizedTest(name = "%{0}")
    @ValueSource(strings = {"00", "0A", "0D", "1B", "7F", "C2%85"})
    void a_control_character_in_a_path_parameter_is_refused_naming_it(String encoded) {
        Response response = given().urlEncodingEnabled(false).auth().oauth2(Tokens.issuer("TEST-A"))
                .when().get("/api/v1/certificates/2026%" + encoded + "1");

        JsonPath problem = Problems.assertProblem(response, 400, "/problems/invalid-parameter");
        assertThat(invalidParam(problem)).isEqualTo("number");
    }

    @Test
    void an_unknown_number_without_control_characters_is_simply_not_found() {
        Problems.assertProblem(given().auth().oauth2(Tokens.issuer("TEST-A")).when().get("/api/v1/certificates/20261"), 404,
                "/problems/not-found");
    }

    @Test
    void a_control_character_in_a_query_parameter_is_refused_naming_it_and_plain_text_is_searched() {
        Response refused = given().urlEncodingEnabled(false).when().get("/api/v1/qualification-documents?q=%E6%B5%8B%00");
        Response searched = given().when().get("/api/v1/qualification-documents?q=测试");

        JsonPath problem = Problems.assertProblem(refused, 400, "/problems/invalid-query");
        assertThat(invalidParam(problem)).isEqualTo("q");
        assertThat(searched.statusCode()).isEqualTo(200);
    }

    @Test
    void an_empty_idempotency_key_is_refused_and_nothing_is_issued() {
        long before = Database.count("SELECT count(*) FROM certificate");

        Response response = given().auth().oauth2(Tokens.issuer("TEST-A")).header("Idempotency-Key", "").contentType(ContentType.JSON)
                .body(Requests.engineer()).when().post("/api/v1/certificates");

        JsonPath problem = Problems.assertProblem(response, 400, "/problems/invalid-parameter");
        assertThat(invalidParam(problem)).isEqualTo("Idempotency-Key");
        assertThat(Database.count("SELECT count(*) FROM certificate")).isEqualTo(before);
    }

    @Test
    void a_key_with_a_tab_inside_is_refused_and_a_printable_key_issues() {
        Response tab = given().auth().oauth2(Tokens.issuer("TEST-A")).header("Idempotency-Key", "key\tone").contentType(ContentType.JSON)
                .body(Requests.engineer()).when().post("/api/v1/certificates");
        Response printable = given().auth().oauth2(Tokens.issuer("TEST-A")).header("Idempotency-Key", "key-" + System.nanoTime())
                .contentType(ContentType.JSON).body(Requests.engineer()).when().post("/api/v1/certificates");

        Problems.assertProblem(tab, 400, "/problems/invalid-parameter");
        assertThat(printable.statusCode()).isEqualTo(201);
    }

    // --- values inside signed forms ---

    @Test
    void a_nul_in_the_number_form_is_refused_and_the_same_form_without_it_answers_no_match() {
        Map<String, Object> form = Map.of("certificateNumber", "2026\u00001", "holderName", "张三", "verificationCode", "ABCDEFGH");
        Response refused = given().contentType(ContentType.JSON).body(form).when().post("/api/v1/verifications");

        JsonPath problem = Problems.assertProblem(refused, 400, "/problems/malformed-request");
        assertThat(invalidParam(problem)).isEqualTo("certificateNumber");
        assertThat(Api.verify(Map.of("certificateNumber", "20261", "holderName", "张三", "verificationCode", "ABCDEFGH"))
                .getString("result")).isEqualTo("NO_MATCH");
    }

    @Test
    void a_token_whose_kid_or_sub_holds_a_nul_is_an_unknown_key_and_the_real_token_is_valid() {
        JsonPath certificate = Api.issue("TEST-A", Requests.engineer());
        String[] parts = certificate.getString("token").split("\\.");
        String header = decode(parts[0]);
        String claims = decode(parts[1]);
        String kid = JsonPath.from(header).getString("kid");

        String nulKid = encode(header.replace(kid, kid + "\\u0000")) + "." + parts[1] + "." + parts[2];
        String nulSub = parts[0] + "." + encode(claims.replace(certificate.getString("number"), "\\u0000")) + "." + parts[2];

        assertThat(Api.verify(Map.of("token", nulKid)).getString("result")).isEqualTo("UNKNOWN_KEY");
        assertThat(Api.verify(Map.of("token", nulSub)).getString("result")).as("the key is known; the altered claims do not verify")
                .isEqualTo("BAD_SIGNATURE");
        assertThat(Api.verify(Map.of("token", certificate.getString("token"))).getString("result")).isEqualTo("VALID");
    }

    @Test
    void a_credential_whose_verification_method_or_number_holds_a_nul_does_not_fail_and_the_real_one_is_valid() {
        ObjectNode credential = JSON.valueToTree(Api.issue("TEST-A", Requests.engineer()).get("credential"));
        ObjectNode nulMethod = credential.deepCopy();
        ObjectNode proof = (ObjectNode) nulMethod.get("proof");
        proof.put("verificationMethod", proof.get("verificationMethod").asText() + "\u0000");
        ObjectNode nulNumber = credential.deepCopy();
        ((ObjectNode) nulNumber.path("credentialSubject").path("professionalTitle")).put("certificateNumber", "\u0000");

        assertThat(Api.verify(Map.of("credential", nulMethod)).getString("result")).isEqualTo("UNKNOWN_KEY");
        assertThat(Api.verify(Map.of("credential", nulNumber)).getString("result")).isEqualTo("BAD_SIGNATURE");
        assertThat(Api.verify(Map.of("credential", credential)).getString("result")).isEqualTo("VALID");
    }

    private static String decode(String part) {
        return new String(Base64.getUrlDecoder().decode(part), StandardCharsets.UTF_8);
    }

    private static String encode(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    // --- limits equal columns ---

    @Test
    void a_suspension_reason_of_200_characters_is_stored_whole_and_one_of_201_is_refused() {
        String number = Api.issue("TEST-A", Requests.engineer()).getString("number");
        String reason = "因涉嫌申报材料不实暂停使用".repeat(20).substring(0, 200);

        Response refused = suspend(number, Map.of("reason", reason + "停"));
        Response suspended = suspend(number, Map.of("reason", reason));

        JsonPath problem = Problems.assertProblem(refused, 422, "/problems/validation-failed");
        assertThat(invalidParam(problem)).isEqualTo("reason");
        assertThat(suspended.statusCode()).isEqualTo(200);
        assertThat(Database.string("SELECT status_reason FROM certificate WHERE number = '" + number + "'")).isEqualTo(reason);
    }

    @Test
    void a_reason_with_a_line_break_or_a_note_with_an_escape_sequence_is_refused_like_every_single_line_field() {
        String number = Api.issue("TEST-A", Requests.engineer()).getString("number");

        JsonPath reason = Problems.assertProblem(suspend(number, Map.of("reason", "第一行\n第二行")), 422, "/problems/validation-failed");
        JsonPath note = Problems.assertProblem(suspend(number, Map.of("note", "内部\u001b[31m备注")), 400, "/problems/malformed-request");

        assertThat(invalidParam(reason)).isEqualTo("reason");
        assertThat(invalidParam(note)).isEqualTo("note");
        assertThat(Database.string("SELECT status FROM certificate WHERE number = '" + number + "'")).isEqualTo("VALID");
    }

    private static Response suspend(String number, Map<String, Object> body) {
        return given().auth().oauth2(Tokens.issuer("TEST-A")).contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/certificates/" + number + "/suspension");
    }

    // --- the largest body ---

    @Test
    void a_notice_of_500_candidates_with_long_fields_is_opened_and_one_of_501_is_refused_by_count() {
        clock.set(Publicity.MONDAY);
        long committee = Committees.insert("TEST-A");
        Map<String, Object> full = noticeOf(committee, 500);
        Map<String, Object> over = noticeOf(committee, 501);

        Response opened = Publicity.open("TEST-A", full);
        Response refused = Publicity.open("TEST-A", over);

        assertThat(opened.statusCode()).as(opened.asString()).isEqualTo(201);
        assertThat(opened.jsonPath().getList("entries")).hasSize(500);
        JsonPath problem = Problems.assertProblem(refused, 422, "/problems/validation-failed");
        assertThat(invalidParam(problem)).isEqualTo("candidates");
    }

    @Test
    void a_body_over_a_mebibyte_is_refused_even_for_a_notice_and_a_notice_sized_body_elsewhere_is_refused() throws Exception {
        clock.set(Publicity.MONDAY);
        String notice = JSON.writeValueAsString(noticeOf(Committees.insert("TEST-A"), 500));
        assertThat(notice.getBytes(StandardCharsets.UTF_8).length).isBetween(64 * 1024, 1024 * 1024);

        Response overMebibyte = given().auth().oauth2(Tokens.withRole("registrar", "TEST-A")).contentType(ContentType.JSON)
                .body(notice + " ".repeat(1024 * 1024)).when().post("/api/v1/publicity-notices");
        Response elsewhere = given().auth().oauth2(Tokens.issuer("TEST-A")).contentType(ContentType.JSON).body(notice)
                .when().post("/api/v1/certificates");

        Problems.assertProblem(overMebibyte, 413, "/problems/payload-too-large");
        Problems.assertProblem(elsewhere, 413, "/problems/payload-too-large");
    }

    /** A notice of {@code count} candidates whose work units are as long as allowed (200 Chinese characters). */
    private static Map<String, Object> noticeOf(long committee, int count) {
        Map<String, Object> notice = Publicity.notice(committee, Publicity.MONDAY);
        List<Map<String, Object>> candidates = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Map<String, Object> candidate = Publicity.candidate("候选人" + i);
            candidate.put("workUnit", "测试省建筑设计研究院第" .repeat(20).substring(0, 200));
            candidates.add(candidate);
        }
        notice.put("candidates", candidates);
        return notice;
    }
}
