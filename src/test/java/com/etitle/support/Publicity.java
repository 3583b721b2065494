package com.etitle.support;

import static io.restassured.RestAssured.given;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;

/** Publicity notices, objections and qualification documents, called the way registrars and the public call them. */
public final class Publicity {

    /** Monday 2 March 2026, 09:00 in Shanghai: five working days from here end at 2026-03-07T00:00+08:00. */
    public static final Instant MONDAY = OffsetDateTime.parse("2026-03-02T09:00:00+08:00").toInstant();
    public static final Instant END_OF_FIVE_DAYS = OffsetDateTime.parse("2026-03-07T00:00:00+08:00").toInstant();
    public static final String VOTE_DATE = "2026-02-27";
    /** The Monday after {@link #MONDAY}, and an hour into it: the first week's notice has ended, the second week's is open. */
    public static final Instant SECOND_MONDAY = MONDAY.plus(Duration.ofDays(7));
    public static final Instant DURING_THE_SECOND_WEEK = SECOND_MONDAY.plus(Duration.ofHours(1));

    private static final AtomicInteger CLIENT = new AtomicInteger();
    private static final AtomicInteger DOCUMENT = new AtomicInteger(100);

    private Publicity() {
    }

    /** Two notices of one committee as a citizen finds them: the first week's has ended, the second week's is open. */
    public record OpenAndClosed(long committee, long open, String openTitle, long closed, String closedTitle) {
    }

    /**
     * A new committee's notice of the first week and of the second, both opened on {@link #MONDAY}; the service's clock
     * is left at {@link #DURING_THE_SECOND_WEEK}, so the first has ended and the second is open, until the test resets it.
     */
    public static OpenAndClosed openAndClosed(TestClock clock) {
        long committee = Committees.insert("TEST-A");
        clock.set(MONDAY);
        Map<String, Object> first = notice(committee, MONDAY);
        first.put("title", "2026年度工程系列高级职称评审结果公示（第一批）" + committee);
        Map<String, Object> second = notice(committee, SECOND_MONDAY);
        second.put("title", "2026年度工程系列高级职称评审结果公示（第二批）" + committee);
        long closed = opened("TEST-A", first).getLong("id");
        long open = opened("TEST-A", second).getLong("id");
        clock.set(DURING_THE_SECOND_WEEK);
        return new OpenAndClosed(committee, open, (String) second.get("title"), closed, (String) first.get("title"));
    }

    /** A document number of its own, as an authority numbers its qualification documents. */
    public static String documentNumber() {
        return "测人社职〔2026〕" + DOCUMENT.incrementAndGet() + "号";
    }

    /**
     * The qualification document numbered so, issued for a notice of the committee (three candidates) after the notice
     * ended; the service's clock is left there, until the test resets it. Returns the document's id.
     */
    public static long documentAfterItsNotice(TestClock clock, long committee, String documentNumber) {
        clock.set(MONDAY);
        JsonPath notice = opened("TEST-A", notice(committee, MONDAY));
        clock.set(END_OF_FIVE_DAYS.plus(Duration.ofHours(1)));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("noticeId", notice.getLong("id"));
        body.put("documentNumber", documentNumber);
        body.put("documentDate", "2026-03-07");
        List<Map<String, Object>> lines = new ArrayList<>();
        for (Long entry : notice.getList("entries.id", Long.class)) {
            lines.add(Map.of("entryId", entry, "effectiveScope", lines.isEmpty() ? "GRASSROOTS" : "PROVINCE_WIDE"));
        }
        body.put("entries", lines);
        return issueDocument("TEST-A", body).then().statusCode(201).extract().jsonPath().getLong("id");
    }

    public static Map<String, Object> candidate(String name) {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("name", name);
        c.put("holderIdNumber", IdCards.next());
        c.put("workUnit", "测试省建筑设计研究院");
        c.put("series", "工程");
        c.put("specialty", "建筑设计");
        c.put("qualificationName", "高级工程师");
        c.put("level", "DEPUTY_SENIOR");
        c.put("promotionType", "NORMAL");
        return c;
    }

    /** A valid notice body: three candidates, five working days from {@code startsAt}. */
    public static Map<String, Object> notice(long committeeId, Instant startsAt) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("committeeId", committeeId);
        body.put("title", "2026年度工程系列高级职称评审结果公示");
        body.put("voteDate", VOTE_DATE);
        body.put("startsAt", startsAt.toString());
        body.put("workingDays", 5);
        body.put("contactPhone", "0931-8123456");
        body.put("contactAddress", "测试省兰州市城关区1号 职改办");
        List<Map<String, Object>> candidates = new ArrayList<>();
        candidates.add(candidate("张三"));
        candidates.add(candidate("李四"));
        Map<String, Object> third = candidate("王五");
        third.put("promotionType", "EXCEPTIONAL");
        candidates.add(third);
        body.put("candidates", candidates);
        return body;
    }

    public static Response open(String authority, Map<String, Object> body) {
        return given().auth().oauth2(Tokens.withRole("registrar", authority)).contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/publicity-notices");
    }

    /** Opens a valid notice and returns the answer; fails the test unless it is 201. */
    public static JsonPath opened(String authority, Map<String, Object> body) {
        return open(authority, body).then().statusCode(201).extract().jsonPath();
    }

    public static Map<String, Object> objection(long entryId) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("objectorName", "赵六");
        body.put("contact", "objector-" + entryId + "@example.cn");
        body.put("entryId", entryId);
        body.put("reason", "该同志申报材料中的论文与他人已发表论文高度雷同，请核查。");
        return body;
    }

    /** A client address of its own (documentation range), so that tests do not share a rate-limit bucket. */
    public static String newClient() {
        int n = CLIENT.incrementAndGet();
        String[] ranges = {"192.0.2.", "198.51.100.", "203.0.113."};
        return ranges[n / 254 % 3] + (1 + n % 254);
    }

    public static Response object(long noticeId, String client, Map<String, Object> body) {
        return given().header("X-Forwarded-For", client).contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/publicity-notices/" + noticeId + "/objections");
    }

    public static Response answer(String authority, long noticeId, String receipt, String outcome) {
        return given().auth().oauth2(Tokens.withRole("registrar", authority)).contentType(ContentType.JSON)
                .body(Map.of("outcome", outcome, "investigationResult", "经核查，情况属实。", "reply", "您好：经调查核实，现书面答复如下……"))
                .when().post("/api/v1/publicity-notices/" + noticeId + "/objections/" + receipt + "/answer");
    }

    public static Response issueDocument(String authority, Map<String, Object> body) {
        return given().auth().oauth2(Tokens.withRole("registrar", authority)).contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/qualification-documents");
    }
}
