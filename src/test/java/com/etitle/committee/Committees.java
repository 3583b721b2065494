package com.etitle.committee;

import static io.restassured.RestAssured.given;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import com.etitle.support.Tokens;

import io.restassured.http.ContentType;
import io.restassured.response.Response;

/** Committee bodies to start from, and the calls a registrar makes. */
final class Committees {

    /** Every member of a published committee, and nothing else (seed 001 §八(三): no members, nothing internal). */
    static final Set<String> PUBLISHED = Set.of("id", "authority", "code", "name", "level", "series", "specialtyScope",
            "managingDepartment", "approvingAuthority", "region", "contactPhone", "contactAddress", "filingNumber", "status",
            "establishedOn");

    private Committees() {
    }

    /** A valid filing with a code no other test uses. */
    static Map<String, Object> body() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", "测试省工程系列高级职称评审委员会");
        body.put("code", unique("GC-"));
        body.put("level", "SENIOR");
        body.put("series", "工程");
        body.put("specialtyScope", "建筑设计、结构、给排水");
        body.put("managingDepartment", "测试省住房和城乡建设厅");
        body.put("approvingAuthority", "测试省人力资源和社会保障厅");
        body.put("region", "兰州市");
        body.put("contactPhone", "0931-8123456");
        body.put("contactAddress", "兰州市城关区示范路1号");
        body.put("filingNumber", "测职改备〔2026〕3号");
        body.put("status", "ACTIVE");
        body.put("establishedOn", "2018-09-01");
        return body;
    }

    static Map<String, Object> with(Map<String, Object> base, String field, Object value) {
        Map<String, Object> body = new LinkedHashMap<>(base);
        body.put(field, value);
        return body;
    }

    static Map<String, Object> with(String field, Object value) {
        return with(body(), field, value);
    }

    /** A text no other test uses, so filters on it see only this test's committees. */
    static String unique(String prefix) {
        return prefix + UUID.randomUUID().toString().replace("-", "").substring(0, 10).toUpperCase();
    }

    static String registrar(String authority) {
        return Tokens.withRole("registrar", authority);
    }

    static Response post(String token, Map<String, Object> body) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(body).when().post("/api/v1/committees");
    }

    static Response put(String token, long id, Map<String, Object> body) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(body).when().put("/api/v1/committees/" + id);
    }

    /** Files the committee for the authority and returns its id. */
    static long file(String authority, Map<String, Object> body) {
        return post(registrar(authority), body).then().statusCode(201).extract().jsonPath().getLong("id");
    }
}
