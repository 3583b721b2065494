package com.etitle.qualification;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.etitle.support.Committees;
import com.etitle.support.Publicity;
import com.etitle.support.TestClock;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;

/** The qualification document pages for people: the API's filters and paging, one document's entries, never an ID number. */
@QuarkusTest
class QualificationPortalPageTest {

    @Inject
    TestClock clock;

    long committee;
    long document;
    String documentNumber;
    List<String> idNumbers;

    @BeforeEach
    void aDocumentAfterItsNotice() {
        committee = Committees.insert("TEST-A");
        documentNumber = "测人社职〔2026〕页" + UUID.randomUUID().toString().substring(0, 8) + "号";
        document = issue(documentNumber);
    }

    /** Opens a notice of the committee on Monday and issues its document after the notice ended. */
    private long issue(String number) {
        clock.set(Publicity.MONDAY);
        Map<String, Object> notice = Publicity.notice(committee, Publicity.MONDAY);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> candidates = (List<Map<String, Object>>) notice.get("candidates");
        idNumbers = candidates.stream().map(c -> (String) c.get("holderIdNumber")).toList();
        JsonPath opened = Publicity.opened("TEST-A", notice);
        clock.set(Publicity.END_OF_FIVE_DAYS.plusSeconds(3600));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("noticeId", opened.getLong("id"));
        body.put("documentNumber", number);
        body.put("documentDate", "2026-03-07");
        List<Map<String, Object>> lines = new ArrayList<>();
        for (Long entry : opened.getList("entries.id", Long.class)) {
            lines.add(new LinkedHashMap<>(Map.of("entryId", entry, "effectiveScope", lines.isEmpty() ? "GRASSROOTS" : "PROVINCE_WIDE")));
        }
        body.put("entries", lines);
        return Publicity.issueDocument("TEST-A", body).then().statusCode(201).extract().jsonPath().getLong("id");
    }

    @AfterEach
    void realTime() {
        clock.reset();
    }

    @Test
    void the_list_filters_by_committee_year_and_text_links_its_json_and_revalidates_with_304() {
        Response list = given().queryParam("committeeId", committee).get("/qualification-documents");

        assertThat(list.statusCode()).isEqualTo(200);
        assertThat(list.asString()).contains("<html lang=\"zh-CN\">", "职称任职资格文件", "共 1 份文件", documentNumber, "2026-03-07", "2026-02-27",
                "3 人", "href=\"/api/v1/qualification-documents?committeeId=" + committee + "\"", "href=\"/qualification-documents/" + document);
        assertThat(given().queryParam("committeeId", committee).header("If-None-Match", list.header("ETag")).get("/qualification-documents")
                .statusCode()).isEqualTo(304);

        assertThat(given().queryParam("committeeId", committee).queryParam("year", "2026").get("/qualification-documents").asString())
                .contains(documentNumber);
        assertThat(given().queryParam("committeeId", committee).queryParam("year", "2025").get("/qualification-documents").asString())
                .contains("id=\"none\"").doesNotContain(documentNumber);
        assertThat(given().queryParam("q", documentNumber).get("/qualification-documents").asString()).contains(documentNumber, "共 1 份文件");

        issue(documentNumber + "之二");
        String first = given().queryParam("committeeId", committee).queryParam("size", "1").get("/qualification-documents").asString();
        assertThat(first).contains("共 2 份文件", "rel=\"next\"", "href=\"/api/v1/qualification-documents?committeeId=" + committee + "&amp;size=1\"");
        assertThat(first.replaceAll("(?s).*rel=\"next\" href=\"([^\"]+)\".*", "$1").replace("&amp;", "&")).contains("page=1", "size=1");

        assertThat(given().header("Accept-Language", "en").queryParam("committeeId", committee).get("/qualification-documents").asString())
                .contains("<html lang=\"en\">", "Qualification documents", "2 documents");
    }

    @Test
    void an_invalid_filter_is_said_on_the_page_never_a_5xx() {
        for (Map<String, String> query : List.of(Map.of("year", "abc"), Map.of("year", "1900"), Map.of("q", "x".repeat(51)),
                Map.of("committeeId", "-1"), Map.of("page", "x"))) {
            Response page = given().queryParams(query).get("/qualification-documents");
            assertThat(page.statusCode()).as("%s", query).isEqualTo(400);
            assertThat(page.contentType()).startsWith("text/html");
            assertThat(page.asString()).contains("id=\"invalid\"");
        }
    }

    @Test
    void one_document_shows_its_entries_with_the_vote_date_and_never_an_id_number() {
        Response page = given().get("/qualification-documents/" + document);

        assertThat(page.statusCode()).isEqualTo(200);
        String html = page.asString();
        assertThat(html).contains(documentNumber, "张三", "李四", "王五", "测试省建筑设计研究院", "基层有效", "全省有效", "破格",
                "id=\"qualification-date\">2026-02-27<", "href=\"/api/v1/qualification-documents/" + document + "\"");
        for (String id : idNumbers) {
            assertThat(html).doesNotContain(id).doesNotContain(id.substring(6, 14));
        }
        assertThat(given().header("If-None-Match", page.header("ETag")).get("/qualification-documents/" + document).statusCode()).isEqualTo(304);
        assertThat(given().get("/qualification-documents/" + document + "?lang=en").asString())
                .contains("<html lang=\"en\">", "Grassroots only", "The whole province", "Valid in");

        for (String missing : List.of("999999999", "abc")) {
            Response none = given().get("/qualification-documents/" + missing);
            assertThat(none.statusCode()).isEqualTo(404);
            assertThat(none.asString()).contains("没有这份资格文件");
        }
    }
}
