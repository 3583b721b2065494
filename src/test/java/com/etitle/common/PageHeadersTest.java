package com.etitle.common;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/**
 * Every HTML answer may not be framed and runs no inline script; the share-link page still works with that policy
 * in a real browser ({@code HolderFormsTest}), because its script and style come from the jar.
 */
@QuarkusTest
class PageHeadersTest {

    @Test
    void the_share_link_page_allows_scripts_only_from_the_service_and_no_framing() {
        Response page = given().when().get("/verify");

        assertThat(page.statusCode()).isEqualTo(200);
        String policy = page.header("Content-Security-Policy");
        assertThat(policy).contains("frame-ancestors 'none'", "script-src 'self'", "default-src 'none'").doesNotContain("unsafe-inline");
        assertThat(page.header("X-Frame-Options")).isEqualTo("DENY");
        assertThat(page.header("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(page.header("Referrer-Policy")).isEqualTo("no-referrer");
        assertThat(page.asString()).contains("<script src=\"/verify.js\"", "<link rel=\"stylesheet\" href=\"/verify.css\"")
                .doesNotContain("<script>", "<style>", " on");
    }

    @Test
    void the_page_s_script_and_style_are_served_from_the_jar() {
        Response script = given().when().get("/verify.js");
        assertThat(script.statusCode()).isEqualTo(200);
        assertThat(script.contentType()).contains("javascript");
        assertThat(script.asString()).contains("/api/v1/verifications", "location.hash");

        Response style = given().when().get("/verify.css");
        assertThat(style.statusCode()).isEqualTo(200);
        assertThat(style.contentType()).contains("text/css");
    }

    @Test
    void quarkus_own_swagger_ui_may_not_be_framed_either() {
        Response ui = given().when().get("/q/swagger-ui/");

        assertThat(ui.statusCode()).isEqualTo(200);
        assertThat(ui.contentType()).startsWith("text/html");
        assertThat(ui.header("Content-Security-Policy")).contains("frame-ancestors 'none'");
        assertThat(ui.header("X-Frame-Options")).isEqualTo("DENY");
    }

    @Test
    void a_json_answer_carries_no_page_policy() {
        Response json = given().when().get("/api/v1/issuers");

        assertThat(json.statusCode()).isEqualTo(200);
        assertThat(json.header("Content-Security-Policy")).isNull();
        assertThat(json.header("X-Frame-Options")).isNull();
    }
}
