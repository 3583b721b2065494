package com.etitle.common;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.etitle.support.Api;
import com.etitle.support.Committees;
import com.etitle.support.Publicity;
import com.etitle.support.Registers;
import com.etitle.support.Requests;
import com.etitle.support.TestClock;
import com.etitle.support.Tokens;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;

/**
 * Every public register is answered the same way: a strong ETag over the bytes, {@code Cache-Control: public}
 * with the register's max-age, 304 without a body for a matching {@code If-None-Match}, and a new tag once
 * what a client would see has changed.
 */
@QuarkusTest
class PublicRegistersTest {

    @Inject
    TestClock clock;

    @AfterEach
    void realTime() {
        clock.reset();
    }

    @Test
    void committees_are_cacheable_and_get_a_new_etag_when_a_registrar_edits_one() {
        String series = "CACHE-" + UUID.randomUUID();
        Map<String, Object> body = committee(series);
        long id = given().auth().oauth2(registrar()).contentType(ContentType.JSON).body(body).post("/api/v1/committees")
                .then().statusCode(201).extract().jsonPath().getLong("id");
        String list = "/api/v1/committees?series=" + series;
        String one = "/api/v1/committees/" + id;
        String listTag = cacheable(list, 60);
        String oneTag = cacheable(one, 60);

        body.put("name", "测试省工程系列正高级职称评审委员会");
        given().auth().oauth2(registrar()).contentType(ContentType.JSON).body(body).put(one).then().statusCode(200);

        changed(list, listTag);
        changed(one, oneTag);
    }

    @Test
    void publicity_notices_are_cacheable_and_get_a_new_etag_when_an_entry_is_withdrawn_or_a_notice_opened() {
        clock.set(Publicity.MONDAY);
        long committee = Committees.insert("TEST-A");
        JsonPath opened = Publicity.opened("TEST-A", Publicity.notice(committee, Publicity.MONDAY));
        String list = "/api/v1/publicity-notices?committeeId=" + committee;
        String one = "/api/v1/publicity-notices/" + opened.getLong("id");
        String listTag = cacheable(list, 30);
        String oneTag = cacheable(one, 30);

        String receipt = Publicity.object(opened.getLong("id"), Publicity.newClient(), Publicity.objection(opened.getLong("entries[0].id")))
                .then().statusCode(201).extract().path("receiptNumber");
        Publicity.answer("TEST-A", opened.getLong("id"), receipt, "UPHELD").then().statusCode(200);
        changed(one, oneTag);

        Publicity.opened("TEST-A", Publicity.notice(committee, Publicity.MONDAY));
        changed(list, listTag);
    }

    @Test
    void qualification_documents_are_cacheable_and_get_a_new_etag_when_their_committee_is_renamed() {
        long id = Registers.document("TEST-A", 2);
        long committee = given().get("/api/v1/qualification-documents/" + id).then().statusCode(200).extract().jsonPath().getLong("committeeId");
        String list = "/api/v1/qualification-documents?committeeId=" + committee;
        String one = "/api/v1/qualification-documents/" + id;
        String listTag = cacheable(list, 30);
        String oneTag = cacheable(one, 30);

        Map<String, Object> renamed = new LinkedHashMap<>(given().get("/api/v1/committees/" + committee).then().statusCode(200)
                .extract().jsonPath().getMap("$"));
        renamed.remove("id");
        renamed.remove("authority");
        renamed.put("name", "更名后的工程系列高级职称评审委员会" + committee);
        given().auth().oauth2(registrar()).contentType(ContentType.JSON).body(renamed).put("/api/v1/committees/" + committee)
                .then().statusCode(200);

        changed(list, listTag);
        changed(one, oneTag);
    }

    @Test
    void void_notices_are_cacheable_the_list_gets_a_new_etag_with_a_new_notice_and_a_published_one_never_changes() {
        String list = "/api/v1/void-notices?size=1";
        String one = "/api/v1/void-notices/" + publishVoidNotice();
        String listTag = cacheable(list, 300);
        String oneTag = cacheable(one, 300);

        publishVoidNotice();

        changed(list, listTag);
        given().header("If-None-Match", oneTag).get(one).then().statusCode(304);
    }

    /**
     * 200 with a strong tag and the register's Cache-Control; the tag, also as a proxy may weaken it or
     * among others, answers 304 without a body; another tag gets the full answer.
     */
    private static String cacheable(String path, int maxAge) {
        String cacheControl = "public, max-age=" + maxAge;
        Response first = given().get(path);
        first.then().statusCode(200).header("Cache-Control", cacheControl);
        String etag = first.header("ETag");
        assertThat(etag).as("strong tag of %s", path).matches("\"[A-Za-z0-9_-]{22}\"");
        for (String condition : List.of(etag, "W/" + etag, "\"other\", " + etag)) {
            Response again = given().header("If-None-Match", condition).get(path);
            again.then().statusCode(304).header("ETag", etag).header("Cache-Control", cacheControl);
            assertThat(again.asString()).as("body of a 304").isEmpty();
        }
        given().header("If-None-Match", "\"other\"").get(path).then().statusCode(200).header("ETag", etag);
        return etag;
    }

    /** After a change the old tag no longer answers 304: the full answer comes, with a new tag. */
    private static void changed(String path, String before) {
        Response after = given().header("If-None-Match", before).get(path);
        after.then().statusCode(200);
        assertThat(after.header("ETag")).as("tag of %s after the change", path).isNotEqualTo(before);
    }

    private static String publishVoidNotice() {
        Api.issueAndReplace("TEST-A", Requests.engineer());
        return given().auth().oauth2(Tokens.issuer("TEST-A")).post("/api/v1/void-notices").then().statusCode(201).extract().path("noticeNumber");
    }

    private static String registrar() {
        return Tokens.withRole("registrar", "TEST-A");
    }

    private static Map<String, Object> committee(String series) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", "测试省工程系列高级职称评审委员会");
        body.put("code", "CACHE-" + UUID.randomUUID().toString().substring(0, 8));
        body.put("level", "SENIOR");
        body.put("series", series);
        body.put("specialtyScope", "建筑设计、结构、给排水");
        body.put("managingDepartment", "测试省住房和城乡建设厅");
        body.put("approvingAuthority", "测试省人力资源和社会保障厅");
        body.put("region", "兰州市");
        body.put("contactPhone", "139-1234-5678");
        body.put("contactAddress", "兰州市城关区示范路1号");
        body.put("filingNumber", "测职改备〔2026〕3号");
        body.put("status", "ACTIVE");
        body.put("establishedOn", "2018-09-01");
        return body;
    }
}
