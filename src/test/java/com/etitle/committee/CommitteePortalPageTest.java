package com.etitle.committee;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/** The committee pages for people: the API's filters and paging in a plain GET form, cacheable, in two languages. */
@QuarkusTest
class CommitteePortalPageTest {

    @Test
    void the_list_filters_pages_links_its_json_and_revalidates_with_304() {
        String region = Committees.unique("区");
        for (int i = 0; i < 3; i++) {
            Committees.file("TEST-A", Committees.with(Committees.with(Committees.body(), "region", region), "name", "页面测试委员会" + i));
        }
        Committees.file("TEST-A", Committees.with(Committees.with(Committees.with(Committees.body(), "region", region), "status", "REVOKED"),
                "name", "已撤销的页面测试委员会"));

        Response active = given().queryParam("region", region).queryParam("status", "ACTIVE").get("/committees");

        assertThat(active.statusCode()).isEqualTo(200);
        assertThat(active.contentType()).startsWith("text/html");
        String page = active.asString();
        assertThat(page).contains("<html lang=\"zh-CN\">", "职称评审委员会名录", "页面测试委员会0", "页面测试委员会2", "共 3 个", "高级")
                .doesNotContain("已撤销的页面测试委员会")
                .contains("href=\"/api/v1/committees?region=" + java.net.URLEncoder.encode(region, java.nio.charset.StandardCharsets.UTF_8)
                        + "&amp;status=ACTIVE\"");
        String etag = active.header("ETag");
        assertThat(etag).isNotBlank();
        assertThat(given().queryParam("region", region).queryParam("status", "ACTIVE").header("If-None-Match", etag).get("/committees")
                .statusCode()).isEqualTo(304);

        String firstPage = given().queryParam("region", region).queryParam("size", "2").get("/committees").asString();
        assertThat(firstPage).contains("rel=\"next\"").doesNotContain("rel=\"prev\"");
        String next = firstPage.replaceAll("(?s).*rel=\"next\" href=\"([^\"]+)\".*", "$1").replace("&amp;", "&");
        assertThat(next).startsWith("/committees?").contains("page=1");
    }

    @Test
    void english_by_preference_or_switch_and_one_committee_with_its_json() {
        long id = Committees.file("TEST-A", Committees.with("name", "测试省卫生系列高级职称评审委员会"));

        String en = given().header("Accept-Language", "en").get("/committees/" + id).asString();
        assertThat(en).contains("<html lang=\"en\">", "测试省卫生系列高级职称评审委员会", "Specialties evaluated", "href=\"/api/v1/committees/" + id + "\"");
        assertThat(given().get("/committees/" + id + "?lang=en").asString()).contains("<html lang=\"en\">");
        Response missing = given().get("/committees/999999999");
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(missing.asString()).contains("没有这个评审委员会");
    }

    @Test
    void an_invalid_filter_is_said_on_the_page_never_a_5xx() {
        for (Map<String, String> query : java.util.List.of(Map.of("level", "WIZARD"), Map.of("q", "x".repeat(101)), Map.of("page", "-1"))) {
            Response page = given().queryParams(query).get("/committees");
            assertThat(page.statusCode()).as("%s", query).isEqualTo(400);
            assertThat(page.contentType()).startsWith("text/html");
            assertThat(page.asString()).contains("id=\"invalid\"");
        }
        // a control character is refused before any page, as on every path (ParameterGate)
        assertThat(given().queryParam("status", "a\u0000b").get("/committees").statusCode()).isEqualTo(400);
    }
}
