package com.etitle.publicity;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.etitle.support.Browser;
import com.etitle.support.Committees;
import com.etitle.support.Database;
import com.etitle.support.Publicity;
import com.etitle.support.TestClock;
import com.etitle.support.Tokens;

import com.sun.net.httpserver.HttpServer;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/**
 * The publicity pages for people: the list with the API's filters and paging, one notice with its candidates (never an
 * ID number), and the objection form, which files a real objection through the API's service and brake.
 */
@QuarkusTest
class PublicityPortalPageTest {

    private static final String RECEIPT = "YY2026-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}";
    private static final String REASON = "该同志申报材料中的论文与他人已发表论文高度雷同，请核查。";

    @Inject
    TestClock clock;

    long committee;
    long notice;
    List<String> idNumbers;
    String client;

    @BeforeEach
    void anOpenNoticeOfThreeCandidates() {
        clock.set(Publicity.MONDAY);
        committee = Committees.insert("TEST-A");
        Map<String, Object> body = Publicity.notice(committee, Publicity.MONDAY);
        body.put("title", "页面测试公示" + committee);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> candidates = (List<Map<String, Object>>) body.get("candidates");
        idNumbers = candidates.stream().map(c -> (String) c.get("holderIdNumber")).toList();
        notice = Publicity.opened("TEST-A", body).getLong("id");
        client = Publicity.newClient();
    }

    @AfterEach
    void realTime() {
        clock.reset();
    }

    @Test
    void the_list_shows_open_and_closed_notices_filters_pages_links_its_json_and_revalidates_with_304() {
        Instant nextMonday = Publicity.MONDAY.plus(Duration.ofDays(7));
        Map<String, Object> later = Publicity.notice(committee, nextMonday);
        later.put("title", "下周开始的页面测试公示" + committee);
        Publicity.opened("TEST-A", later);
        clock.set(nextMonday.plus(Duration.ofHours(1)));

        Response both = given().queryParam("committeeId", committee).get("/publicity-notices");

        assertThat(both.statusCode()).isEqualTo(200);
        assertThat(both.contentType()).startsWith("text/html");
        assertThat(both.asString()).contains("<html lang=\"zh-CN\">", "职称评审结果公示", "共 2 份公示", "页面测试公示" + committee,
                "下周开始的页面测试公示" + committee, "公示中", "已结束", "2026-03-02 09:00 至 2026-03-06，5 个工作日",
                "href=\"/api/v1/publicity-notices?committeeId=" + committee + "\"");
        String open = given().queryParam("committeeId", committee).queryParam("state", "open").get("/publicity-notices").asString();
        assertThat(open).contains("共 1 份公示", "下周开始的页面测试公示" + committee).doesNotContain(">页面测试公示" + committee);
        String closed = given().queryParam("committeeId", committee).queryParam("state", "closed").get("/publicity-notices").asString();
        assertThat(closed).contains("共 1 份公示", ">页面测试公示" + committee).doesNotContain("下周开始的");

        assertThat(given().queryParam("committeeId", committee).header("If-None-Match", both.header("ETag")).get("/publicity-notices")
                .statusCode()).isEqualTo(304);
        assertThat(both.header("Cache-Control")).isEqualTo("public, max-age=30");

        String first = given().queryParam("committeeId", committee).queryParam("size", "1").get("/publicity-notices").asString();
        assertThat(first).contains("rel=\"next\"").doesNotContain("rel=\"prev\"")
                .contains("href=\"/api/v1/publicity-notices?committeeId=" + committee + "&amp;size=1\"");
        String next = first.replaceAll("(?s).*rel=\"next\" href=\"([^\"]+)\".*", "$1").replace("&amp;", "&");
        assertThat(next).startsWith("/publicity-notices?").contains("committeeId=" + committee, "page=1", "size=1");
        String second = given().get(next).asString();
        assertThat(second).contains("rel=\"prev\"", ">页面测试公示" + committee).doesNotContain("rel=\"next\"");
        // the JSON the page links to is the same page of the same list
        JsonPath json = given().get("/api/v1/publicity-notices?committeeId=" + committee + "&size=1&page=1").then().statusCode(200)
                .extract().jsonPath();
        assertThat(json.getList("items.title")).containsExactly("页面测试公示" + committee);
    }

    @Test
    void an_invalid_filter_is_said_on_the_page_never_a_5xx() {
        for (Map<String, String> query : List.of(Map.of("state", "maybe"), Map.of("committeeId", "abc"), Map.of("page", "-1"),
                Map.of("size", "101"))) {
            Response page = given().queryParams(query).get("/publicity-notices");
            assertThat(page.statusCode()).as("%s", query).isEqualTo(400);
            assertThat(page.contentType()).startsWith("text/html");
            assertThat(page.asString()).contains("id=\"invalid\"");
        }
    }

    @Test
    void one_notice_shows_its_candidates_and_period_but_never_an_id_number_in_either_language() {
        Response zh = given().get("/publicity-notices/" + notice);

        assertThat(zh.statusCode()).isEqualTo(200);
        String html = zh.asString();
        assertThat(html).contains("<html lang=\"zh-CN\">", "页面测试公示" + committee, "张三", "李四", "王五", "测试省建筑设计研究院", "高级工程师",
                "副高级", "正常晋升", "破格", "0931-8123456", "公示中", "还剩 5 个工作日（含今天），2026-03-06 24:00（北京时间）截止",
                "href=\"/api/v1/publicity-notices/" + notice + "\"", "<form method=\"post\" action=\"/publicity-notices/" + notice + "\"");
        for (String id : idNumbers) {
            assertThat(html).doesNotContain(id).doesNotContain(id.substring(6, 14));
        }
        assertThat(given().header("If-None-Match", zh.header("ETag")).get("/publicity-notices/" + notice).statusCode()).isEqualTo(304);

        String en = given().header("Accept-Language", "en").get("/publicity-notices/" + notice).asString();
        assertThat(en).contains("<html lang=\"en\">", "Candidates", "Deputy senior", "Exceptional", "Object to a candidate",
                "href=\"/publicity-notices/" + notice + "?lang=zh-CN\"");
        assertThat(given().get("/publicity-notices/" + notice + "?lang=en").asString()).contains("<html lang=\"en\">");

        for (String missing : List.of("999999999", "abc")) {
            Response none = given().get("/publicity-notices/" + missing);
            assertThat(none.statusCode()).isEqualTo(404);
            assertThat(none.asString()).contains("没有这份公示");
        }
    }

    @Test
    void the_form_files_a_real_objection_and_answers_the_receipt() {
        Response filed = form(browser()).formParam("entryPosition", "2").formParam("objectorName", "赵六").formParam("contact", "139-1234-5678")
                .formParam("reason", REASON).post("/publicity-notices/" + notice);

        assertThat(filed.statusCode()).isEqualTo(200);
        assertThat(filed.header("Cache-Control")).isEqualTo("no-store");
        assertThat(filed.header("Location")).isNull();
        String receipt = filed.asString().replaceAll("(?s).*id=\"receipt-number\">([^<]+)<.*", "$1");
        assertThat(receipt).matches(RECEIPT);
        assertThat(filed.asString()).contains("异议已受理", "2. 李四", "2026-03-02 09:00:00", "书面答复").doesNotContain("139-1234-5678");

        // the registrars of the notice's authority read it back through the API, contact and all
        JsonPath objections = given().auth().oauth2(Tokens.withRole("registrar", "TEST-A"))
                .get("/api/v1/publicity-notices/" + notice + "/objections").then().statusCode(200).extract().jsonPath();
        assertThat(objections.getList("receiptNumber")).containsExactly(receipt);
        assertThat(objections.getString("[0].objectorName")).isEqualTo("赵六");
        assertThat(objections.getString("[0].objectorContact")).isEqualTo("139-1234-5678");
        assertThat(objections.getInt("[0].entryPosition")).isEqualTo(2);
        assertThat(objections.getString("[0].reason")).isEqualTo(REASON);
        assertThat(Database.count("SELECT count(*) FROM audit_entry WHERE subject = 'objection/" + receipt + "'")).isEqualTo(1);

        // the objector never appears on the public page
        assertThat(given().get("/publicity-notices/" + notice).asString()).doesNotContain("赵六", "139-1234-5678", receipt);
    }

    @Test
    void bad_form_input_answers_the_page_with_422_marks_each_field_keeps_the_text_and_files_nothing() {
        Response refused = form(browser()).formParam("objectorName", "赵").formParam("contact", "call me maybe")
                .formParam("reason", "太短了").post("/publicity-notices/" + notice);

        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.contentType()).startsWith("text/html");
        String html = refused.asString();
        assertThat(html).contains("id=\"problem\"", "异议没有提交，请修改标出的内容。", "请从名单中选择一人", "请填写真实姓名，2 至 50 个字",
                "请填写有效的手机、带区号的固定电话或电子邮箱", "10 至 2000 个字", "value=\"call me maybe\"", ">太短了</textarea>");
        assertThat(html.split("aria-invalid=\"true\"", -1)).hasSize(5);
        String en = form(browser()).formParam("lang", "en").formParam("entryPosition", "1").formParam("objectorName", "赵六")
                .formParam("contact", "13912345678").formParam("reason", "short").post("/publicity-notices/" + notice).asString();
        assertThat(en).contains("<html lang=\"en\">", "The objection was not filed; please correct what is marked.",
                "Please state the facts and reasons, 10 to 2000 characters");
        Response empty = form(given().header("X-Forwarded-For", client)).post("/publicity-notices/" + notice);
        assertThat(empty.statusCode()).isEqualTo(422);

        assertThat(Database.count("SELECT count(*) FROM objection WHERE notice_id = " + notice)).isZero();
    }

    @Test
    void a_closed_notice_has_no_form_and_a_post_to_it_is_refused_with_409() {
        clock.set(Publicity.END_OF_FIVE_DAYS);

        String page = given().get("/publicity-notices/" + notice).asString();
        assertThat(page).contains("已结束", "id=\"closed\"", "公示已结束，不再受理异议。").doesNotContain("<form method=\"post\"");

        Response refused = valid(form(browser())).post("/publicity-notices/" + notice);
        assertThat(refused.statusCode()).isEqualTo(409);
        assertThat(refused.contentType()).startsWith("text/html");
        assertThat(refused.asString()).contains("公示已经结束，异议没有提交。").doesNotContain("<form method=\"post\"");
        assertThat(Database.count("SELECT count(*) FROM objection WHERE notice_id = " + notice)).isZero();
    }

    @Test
    void a_post_from_another_site_is_refused_and_files_nothing() {
        for (RequestSpecification foreign : List.of(given().header("Origin", "https://elsewhere.example"), given().header("Origin", "null"),
                given().header("Sec-Fetch-Site", "cross-site"))) {
            Response refused = valid(form(foreign.header("X-Forwarded-For", client))).post("/publicity-notices/" + notice);
            assertThat(refused.statusCode()).isEqualTo(403);
            assertThat(refused.asString()).contains("这份表单只能在本网站的公示页面上提交");
        }
        assertThat(Database.count("SELECT count(*) FROM objection WHERE notice_id = " + notice)).isZero();

        valid(form(browser().header("Sec-Fetch-Site", "same-origin"))).post("/publicity-notices/" + notice).then().statusCode(200);
        assertThat(Database.count("SELECT count(*) FROM objection WHERE notice_id = " + notice)).isEqualTo(1);
    }

    @Test
    void a_real_browser_sending_the_form_from_another_site_gets_the_refusal_page() throws IOException {
        // another origin (127.0.0.1, not the service's localhost) whose page posts a filled copy of the form on load
        String attacker = "<!DOCTYPE html><html><body><form method=\"post\" action=\"http://localhost:" + RestAssured.port
                + "/publicity-notices/" + notice + "\"><input name=\"lang\" value=\"zh-CN\"><input name=\"entryPosition\" value=\"1\"><input name=\"objectorName\" value=\"赵六\">"
                + "<input name=\"contact\" value=\"13912345678\"><input name=\"reason\" value=\"" + REASON + "\"></form>"
                + "<script>document.forms[0].submit()</script></body></html>";
        byte[] bytes = attacker.getBytes(StandardCharsets.UTF_8);
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
            exchange.sendResponseHeaders(200, bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        });
        server.start();
        String dom;
        try {
            dom = Browser.domAfterScripts("http://127.0.0.1:" + server.getAddress().getPort() + "/");
        } finally {
            server.stop(0);
        }

        assertThat(dom).contains("这份表单只能在本网站的公示页面上提交");
        assertThat(Database.count("SELECT count(*) FROM objection WHERE notice_id = " + notice)).isZero();
    }

    @Test
    void the_api_and_the_form_share_one_brake_per_address() {
        long entry = Publicity.opened("TEST-A", Publicity.notice(Committees.insert("TEST-A"), Publicity.MONDAY)).getLong("entries[0].id");
        long elsewhere = Database.count("SELECT notice_id FROM publicity_entry WHERE id = " + entry);
        for (int i = 0; i < 5; i++) {
            Publicity.object(elsewhere, client, Publicity.objection(entry)).then().statusCode(201);
        }

        Response braked = valid(form(browser())).post("/publicity-notices/" + notice);

        assertThat(braked.statusCode()).isEqualTo(429);
        assertThat(braked.header("Retry-After")).isNotBlank();
        assertThat(braked.asString()).contains("从您所在网络提交的异议过于频繁", "分钟后再试", "value=\"赵六\"");
        assertThat(Database.count("SELECT count(*) FROM objection WHERE notice_id = " + notice)).isZero();
    }

    @Test
    void a_withdrawn_candidate_is_not_offered_and_an_objection_to_it_is_refused_with_409() {
        long first = Database.count("SELECT id FROM publicity_entry WHERE notice_id = " + notice + " AND position = 1");
        String receipt = Publicity.object(notice, Publicity.newClient(), Publicity.objection(first)).then().statusCode(201).extract()
                .path("receiptNumber");
        Publicity.answer("TEST-A", notice, receipt, "UPHELD").then().statusCode(200);

        String page = given().get("/publicity-notices/" + notice).asString();
        assertThat(page).contains("已撤回（异议成立）").doesNotContain("<option value=\"1\"").contains("<option value=\"2\"");

        Response refused = valid(form(browser()), 1).post("/publicity-notices/" + notice);
        assertThat(refused.statusCode()).isEqualTo(409);
        assertThat(refused.asString()).contains("您选择的人员已因异议成立被撤回");
        assertThat(Database.count("SELECT count(*) FROM objection WHERE notice_id = " + notice)).isEqualTo(1);
    }

    /** A request as a browser sends the page's form: from this site's own origin, from the test's client address. */
    private RequestSpecification browser() {
        return given().header("Origin", "http://localhost:" + RestAssured.port).header("X-Forwarded-For", client);
    }

    private static RequestSpecification form(RequestSpecification request) {
        return request.contentType("application/x-www-form-urlencoded; charset=UTF-8");
    }

    private static RequestSpecification valid(RequestSpecification request) {
        return valid(request, 2);
    }

    private static RequestSpecification valid(RequestSpecification request, int position) {
        return request.formParam("entryPosition", String.valueOf(position)).formParam("objectorName", "赵六")
                .formParam("contact", "13912345678").formParam("reason", REASON);
    }
}
