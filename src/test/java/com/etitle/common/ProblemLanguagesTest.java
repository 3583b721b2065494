package com.etitle.common;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;

import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

import com.etitle.support.Problems;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/**
 * Problem answers speak the caller's language: the same bad request asked in Chinese and in English gets the same
 * {@code type}, {@code status}, member names and parameter names, with title, detail and reasons in the language
 * {@code Accept-Language} prefers, said in {@code Content-Language}; English when the caller names neither.
 */
@QuarkusTest
class ProblemLanguagesTest {

    private static final String PARTIAL_CODE_FORM = "{\"certificateNumber\":\"20260000000000000\"}";

    static Stream<Arguments> badRequests() {
        return Stream.of(
                bad("a verification by code without the name and the code", 422, "/problems/validation-failed",
                        r -> r.contentType(ContentType.JSON).body(PARTIAL_CODE_FORM).when().post("/api/v1/verifications")),
                bad("a committee list with an unknown level and a negative page", 400, "/problems/invalid-query",
                        r -> r.when().get("/api/v1/committees?level=NOPE&page=-1")),
                bad("a body with an unknown field", 400, "/problems/malformed-request",
                        r -> r.contentType(ContentType.JSON).body("{\"token\":\"x\",\"colour\":\"red\"}").when().post("/api/v1/verifications")),
                bad("a body that is not JSON", 400, "/problems/malformed-request",
                        r -> r.contentType(ContentType.JSON).body("{\"token\":").when().post("/api/v1/verifications")),
                bad("a control character in a query parameter (a request filter)", 400, "/problems/invalid-query",
                        r -> r.urlEncodingEnabled(false).when().get("/api/v1/committees?q=a%00b")),
                bad("a body over the limit (a Vert.x route, before JAX-RS)", 413, "/problems/payload-too-large",
                        r -> r.contentType(ContentType.JSON).body("{\"token\":\"" + "x".repeat(70_000) + "\"}").when().post("/api/v1/verifications")),
                bad("no bearer token (the security layer)", 401, "/problems/unauthenticated",
                        r -> r.when().get("/api/v1/certificates/20260000000000000")),
                bad("an unknown path", 404, "/problems/not-found", r -> r.when().get("/api/v1/no-such-thing")),
                bad("a method the resource does not have", 405, "/problems/method-not-allowed",
                        r -> r.when().delete("/api/v1/verifications")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badRequests")
    void the_same_bad_request_in_chinese_and_english_differs_only_in_its_words(
            Function<RequestSpecification, Response> request, int status, String type) {
        Response english = request.apply(given().header("Accept-Language", "en"));
        Response chinese = request.apply(given().header("Accept-Language", "zh-CN"));

        JsonPath en = Problems.assertProblem(english, status, type);
        JsonPath zh = Problems.assertProblem(chinese, status, type);
        assertThat(zh.getMap("").keySet()).isEqualTo(en.getMap("").keySet());
        assertThat(zh.getString("instance")).isEqualTo(en.getString("instance"));
        assertThat(zh.getList("invalid-params.name")).isEqualTo(en.getList("invalid-params.name"));
        List<Map<String, Object>> params = zh.getList("invalid-params");
        if (params != null) {
            params.forEach(p -> assertThat(p.keySet()).containsExactlyInAnyOrder("name", "reason"));
        }

        ProblemType kind = typeOf(type);
        assertThat(en.getString("title")).isEqualTo(kind.title(PageLanguage.ENGLISH));
        assertThat(zh.getString("title")).isEqualTo(kind.title(PageLanguage.CHINESE)).matches(HAS_CHINESE);
        assertThat(zh.getString("detail")).matches(HAS_CHINESE).isNotEqualTo(en.getString("detail"));
        assertThat(en.getString("detail")).doesNotMatch(HAS_CHINESE);
        for (String reason : zh.getList("invalid-params.reason", String.class)) {
            assertThat(reason).matches(HAS_CHINESE);
        }
        assertLanguage(english, "en");
        assertLanguage(chinese, "zh-CN");
    }

    @Test
    void a_verification_missing_fields_is_worded_in_each_language() {
        JsonPath en = Problems.assertProblem(given().header("Accept-Language", "en").contentType(ContentType.JSON)
                .body(PARTIAL_CODE_FORM).when().post("/api/v1/verifications"), 422, "/problems/validation-failed");
        JsonPath zh = Problems.assertProblem(given().header("Accept-Language", "zh-CN,zh;q=0.9").contentType(ContentType.JSON)
                .body(PARTIAL_CODE_FORM).when().post("/api/v1/verifications"), 422, "/problems/validation-failed");

        assertThat(en.getString("title")).isEqualTo("One or more fields are invalid");
        assertThat(en.getString("detail")).isEqualTo("Number, holder name and verification code are all needed, as text");
        assertThat(en.getList("invalid-params.reason")).containsExactly("is required", "is required");
        assertThat(zh.getString("title")).isEqualTo("一个或多个字段无效");
        assertThat(zh.getString("detail")).isEqualTo("证书编号、持证人姓名和查验码三项都需要，且须为文本");
        assertThat(zh.getList("invalid-params.name")).containsExactly("holderName", "verificationCode");
        assertThat(zh.getList("invalid-params.reason")).containsExactly("必填", "必填");
    }

    @Test
    void without_accept_language_a_problem_is_in_english_and_says_so() {
        Response answer = given().contentType(ContentType.JSON).body(PARTIAL_CODE_FORM).when().post("/api/v1/verifications");

        JsonPath problem = Problems.assertProblem(answer, 422, "/problems/validation-failed");
        assertThat(problem.getString("detail")).isEqualTo("Number, holder name and verification code are all needed, as text");
        assertLanguage(answer, "en");
    }

    @ParameterizedTest(name = "Accept-Language: {0} → {1}")
    @CsvSource(delimiter = '|', value = {
            "zh-CN | zh-CN", "zh | zh-CN", "zh-TW | zh-CN", "zh-Hans-CN | zh-CN", "ZH-cn | zh-CN",
            "en | en", "en-US | en", "fr | en", "* | en", "xx-invalid;q=nonsense | en",
            "fr, zh;q=0.5 | zh-CN", "en;q=0.3, zh-CN;q=0.8 | zh-CN", "zh-CN;q=0.8, en | en",
            "en-GB,en;q=0.9,zh-CN;q=0.8 | en", "zh-CN,zh;q=0.9,en;q=0.8 | zh-CN", "zh;q=0, en;q=0.1 | en", "fr, *;q=0.5, zh;q=0.1 | en"})
    void accept_language_is_negotiated_by_quality_value(String acceptLanguage, String expected) {
        Response answer = given().header("Accept-Language", acceptLanguage).when().get("/api/v1/no-such-thing");

        Problems.assertProblem(answer, 404, "/problems/not-found");
        assertLanguage(answer, expected);
        assertThat(answer.jsonPath().getString("title"))
                .isEqualTo(ProblemType.NOT_FOUND.title(expected.equals("en") ? PageLanguage.ENGLISH : PageLanguage.CHINESE));
    }

    @Test
    void a_refused_request_of_a_page_on_another_origin_is_readable_in_its_language() {
        Response answer = given().header("Origin", "https://portal.example.cn").header("Accept-Language", "zh-CN")
                .contentType(ContentType.JSON).body(PARTIAL_CODE_FORM).when().post("/api/v1/verifications");

        Problems.assertProblem(answer, 422, "/problems/validation-failed");
        assertThat(answer.header("Access-Control-Allow-Origin")).isEqualTo("*");
        // Content-Language is a CORS-safelisted response header: a page's script reads it without an expose header
        assertLanguage(answer, "zh-CN");
    }

    private static void assertLanguage(Response answer, String tag) {
        assertThat(answer.header("Content-Language")).as("Content-Language").isEqualTo(tag);
        assertThat(answer.headers().getValues("Vary")).as("Vary")
                .anySatisfy(v -> assertThat(v.toLowerCase()).contains("accept-language"));
        assertThat(answer.header("Cache-Control")).isEqualTo("no-store");
    }

    private static ProblemType typeOf(String uri) {
        return Stream.of(ProblemType.values()).filter(t -> t.uri().equals(uri)).findFirst().orElseThrow();
    }

    /** At least one CJK ideograph. */
    private static final String HAS_CHINESE = "(?s).*\\p{IsHan}.*";

    private static Arguments bad(String what, int status, String type, Function<RequestSpecification, Response> request) {
        return Arguments.of(Named.of(what, request), status, type);
    }
}
