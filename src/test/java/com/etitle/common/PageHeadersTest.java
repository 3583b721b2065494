package com.etitle.common;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import com.etitle.support.Browser;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
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
        assertThat(page.asString()).contains("<script src=\"/verify.js\"", "<link rel=\"stylesheet\" href=\"/site.css\"")
                .doesNotContain("<script>", "<style>", " on");
    }

    @Test
    void the_page_s_script_and_style_are_served_from_the_jar() {
        Response script = given().when().get("/verify.js");
        assertThat(script.statusCode()).isEqualTo(200);
        assertThat(script.contentType()).contains("javascript");
        assertThat(script.asString()).contains("location.hash", "fragment-form");

        Response style = given().when().get("/site.css");
        assertThat(style.statusCode()).isEqualTo(200);
        assertThat(style.contentType()).contains("text/css");
    }

    @Test
    void swagger_ui_runs_no_inline_script_and_may_not_be_framed_either() {
        for (String path : List.of("/q/swagger-ui/", "/q/swagger-ui/index.html")) {
            Response ui = given().when().get(path);

            assertThat(ui.statusCode()).isEqualTo(200);
            assertThat(ui.contentType()).startsWith("text/html");
            assertThat(ui.header("Content-Security-Policy")).contains("frame-ancestors 'none'", "script-src 'self';", "default-src 'none'")
                    .doesNotContain("script-src 'self' 'unsafe-inline'", "unsafe-eval");
            assertThat(ui.header("X-Frame-Options")).isEqualTo("DENY");
            assertThat(ui.asString()).as(path).contains("<script src=\"/api-explorer.js\"").doesNotContain("<script>", " on");
        }
    }

    /** Under that policy a real browser still renders the operations: the page starts Swagger UI from a file. */
    @Test
    void swagger_ui_renders_the_operations_in_a_browser_under_its_policy() {
        String dom = Browser.domAfterScripts(RestAssured.baseURI + ":" + RestAssured.port + "/q/swagger-ui/");

        assertThat(dom).contains("opblock").contains("verifyCertificate");
    }

    @Test
    void a_json_answer_carries_no_page_policy() {
        Response json = given().when().get("/api/v1/issuers");

        assertThat(json.statusCode()).isEqualTo(200);
        assertThat(json.header("Content-Security-Policy")).isNull();
        assertThat(json.header("X-Frame-Options")).isNull();
    }
}
