package com.etitle.voidnotice;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import com.etitle.support.Api;
import com.etitle.support.Requests;
import com.etitle.support.Tokens;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;

/** The void notices page: each published notice with its voided certificates (names masked) and its signed document. */
@QuarkusTest
class VoidNoticePortalPageTest {

    @Test
    void a_published_notice_shows_its_certificates_masked_and_links_its_signed_document() {
        JsonPath approved = Api.issueAndReplace("TEST-A", Requests.with("holderName", "欧阳小明"));
        String voided = approved.getString("certificateNumber");
        String notice = given().auth().oauth2(Tokens.issuer("TEST-A")).post("/api/v1/void-notices")
                .then().statusCode(201).extract().path("noticeNumber");

        Response page = given().get("/void-notices");

        assertThat(page.statusCode()).isEqualTo(200);
        String html = page.asString();
        assertThat(html).contains("<html lang=\"zh-CN\">", "作废声明", notice, voided, "欧**明", "遗失",
                "href=\"/api/v1/void-notices/" + notice + "\"").doesNotContain("欧阳小明");
        assertThat(given().get("/api/v1/void-notices/" + notice).then().statusCode(200).extract().path("noticeNumber").toString())
                .isEqualTo(notice);
        assertThat(given().header("If-None-Match", page.header("ETag")).get("/void-notices").statusCode()).isEqualTo(304);
        assertThat(given().header("Accept-Language", "en").get("/void-notices").asString())
                .contains("<html lang=\"en\">", "Void notices of lost or damaged title certificates", "Lost");
    }

    @Test
    void a_page_number_that_is_not_valid_is_said_on_the_page() {
        Response page = given().queryParam("page", "x").get("/void-notices");

        assertThat(page.statusCode()).isEqualTo(400);
        assertThat(page.contentType()).startsWith("text/html");
        assertThat(page.asString()).contains("id=\"invalid\"");
    }
}
