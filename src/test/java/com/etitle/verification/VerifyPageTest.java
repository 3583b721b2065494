package com.etitle.verification;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

import com.etitle.support.Api;
import com.etitle.support.Requests;
import com.etitle.support.Tokens;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;

/**
 * The employer's page without any script, as a browser with JavaScript off or a screen reader's form mode uses it:
 * the form posts, the same page answers in words, in Chinese or English.
 */
@QuarkusTest
class VerifyPageTest {

    @Test
    void the_page_is_chinese_by_default_english_by_the_browser_s_preference_or_the_switch() {
        Response zh = given().get("/verify");
        assertThat(zh.statusCode()).isEqualTo(200);
        assertThat(zh.asString()).contains("<html lang=\"zh-CN\">", "职称电子证书核验", "name=\"certificateNumber\"", "name=\"token\"",
                "href=\"/verify?lang=en\"");
        assertThat(zh.header("Content-Language")).isEqualTo("zh-CN");
        assertThat(zh.header("Vary")).contains("Accept-Language");

        String en = given().header("Accept-Language", "en-GB,en;q=0.9,zh;q=0.5").get("/verify").asString();
        assertThat(en).contains("<html lang=\"en\">", "Verify a professional-title e-certificate", "href=\"/verify?lang=zh-CN\"");
        assertThat(given().get("/verify?lang=en").asString()).contains("<html lang=\"en\">");
        assertThat(given().header("Accept-Language", "en").get("/verify?lang=zh-CN").asString()).contains("<html lang=\"zh-CN\">");
    }

    @Test
    void number_name_and_code_posted_by_the_form_answer_valid_with_the_certificate_in_words() {
        JsonPath issued = Api.issue("TEST-A", Requests.engineer());

        Response page = post(Map.of("certificateNumber", issued.getString("number"), "holderName", issued.getString("holderName"),
                "verificationCode", issued.getString("verificationCode").toLowerCase(), "lang", "zh-CN"));

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.header("Cache-Control")).isEqualTo("no-store");
        assertThat(page.asString()).contains("class=\"result valid\"", ">有效<", issued.getString("holderName"), "高级工程师", "副高级",
                issued.getString("number"), "核验时间").doesNotContain(issued.getString("verificationCode"));
    }

    @Test
    void the_e_licence_identifier_pasted_in_place_of_the_number_verifies_and_the_answer_shows_it() {
        JsonPath issued = Api.issue("TEST-A", Requests.engineer());

        Response page = post(Map.of("certificateNumber", issued.getString("licenceId"), "holderName", issued.getString("holderName"),
                "verificationCode", issued.getString("verificationCode"), "lang", "en"));

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.asString()).contains("class=\"result valid\"", "E-licence identifier", issued.getString("licenceId"),
                issued.getString("number"));
        assertThat(given().get("/verify").asString()).contains("name=\"certificateNumber\"", "maxlength=\"96\"");
    }

    @Test
    void a_wrong_code_is_a_plain_no_match_that_shows_nothing_of_the_certificate() {
        JsonPath issued = Api.issue("TEST-A", Requests.engineer());

        String page = post(Map.of("certificateNumber", issued.getString("number"), "holderName", issued.getString("holderName"),
                "verificationCode", "AAAAAAAA", "lang", "en")).asString();

        assertThat(page).contains("class=\"result unknown\"", "Cannot verify: the details do not match").doesNotContain("高级工程师");
    }

    @Test
    void a_revoked_and_a_voided_certificate_say_so_and_what_to_do() {
        JsonPath revoked = Api.issue("TEST-A", Requests.engineer());
        given().auth().oauth2(Tokens.issuer("TEST-A")).contentType("application/json").body(Map.of("reason", "COURT_ORDER"))
                .post("/api/v1/certificates/" + revoked.getString("number") + "/revocation").then().statusCode(200);
        JsonPath voided = Api.issue("TEST-A", Requests.engineer());
        Api.approveReissue("TEST-A", Api.applyForReissue("TEST-A", voided.getString("number")).getLong("id"));

        assertThat(post(Map.of("token", revoked.getString("token"))).asString()).contains("class=\"result invalid\"", "已撤销", "不能再证明");
        assertThat(post(Map.of("token", voided.getString("token"), "lang", "en")).asString())
                .contains("Voided and replaced", "Ask the holder for the new one");
    }

    @Test
    void a_pasted_token_verifies_and_a_tampered_one_cannot() {
        JsonPath issued = Api.issue("TEST-A", Requests.engineer());
        String token = issued.getString("token");
        char last = token.charAt(token.length() - 2);
        String tampered = token.substring(0, token.length() - 2) + (last == 'A' ? 'B' : 'A') + token.charAt(token.length() - 1);

        assertThat(post(Map.of("token", "  " + token + "\n")).asString()).contains("class=\"result valid\"", "二维码");
        assertThat(post(Map.of("token", tampered)).asString()).contains("class=\"result unknown\"", "无法核验");
    }

    @Test
    void a_form_with_a_part_missing_answers_422_and_marks_what_is_missing() {
        Response page = post(Map.of("certificateNumber", "20261234567890123", "holderName", " "));

        assertThat(page.statusCode()).isEqualTo(422);
        assertThat(page.asString()).contains("id=\"missing\"", "value=\"20261234567890123\"")
                .containsPattern("id=\"holderName\"[^>]*aria-invalid=\"true\"")
                .containsPattern("id=\"verificationCode\"[^>]*aria-invalid=\"true\"")
                .doesNotContainPattern("id=\"certificateNumber\"[^>]*aria-invalid");
    }

    @Test
    void control_characters_and_nonsense_are_answered_on_the_page_never_with_a_5xx() {
        for (Map<String, String> form : java.util.List.of(Map.of("token", "a\u0000b"), Map.of("grant", "\u0007"),
                Map.of("certificateNumber", "1\u0000", "holderName", "x", "verificationCode", "y"), Map.of("lang", "klingon", "token", "."))) {
            Response page = post(form);
            assertThat(page.statusCode()).as("%s", form.keySet()).isLessThan(500);
            assertThat(page.contentType()).startsWith("text/html");
        }
    }

    private static Response post(Map<String, String> form) {
        return given().contentType("application/x-www-form-urlencoded; charset=UTF-8").formParams(form).post("/verify");
    }
}
