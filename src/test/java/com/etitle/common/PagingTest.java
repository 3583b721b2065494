package com.etitle.common;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Stream;

import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import com.etitle.support.Api;
import com.etitle.support.IdCards;
import com.etitle.support.Problems;
import com.etitle.support.Requests;
import com.etitle.support.Tokens;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/** Every list of the API pages by the same rule and refuses a bad page or size with the same 400. */
@QuarkusTest
class PagingTest {

    /** A list as its callers reach it: the path, the bearer token it needs (null when public), and its default size. */
    record Listing(String path, Supplier<String> token, int defaultSize, boolean answersPage) {

        RequestSpecification request() {
            RequestSpecification request = given().urlEncodingEnabled(false);
            String bearer = token.get();
            return bearer == null ? request : request.auth().oauth2(bearer);
        }

        String url() {
            return path.contains("{number}") ? path.replace("{number}", OneHolder.get().number()) : path;
        }
    }

    /** A holder with a certificate, made once, for the holder's own list. */
    record OneHolder(String idNumber, String number) {
        private static OneHolder made;

        static synchronized OneHolder get() {
            if (made == null) {
                String id = IdCards.next();
                made = new OneHolder(id, Api.issue("TEST-A", Requests.with("holderIdNumber", id)).getString("number"));
            }
            return made;
        }
    }

    static Stream<Named<Listing>> lists() {
        return Stream.of(
                Named.of("committees", new Listing("/api/v1/committees", () -> null, 20, true)),
                Named.of("publicity notices", new Listing("/api/v1/publicity-notices", () -> null, 20, true)),
                Named.of("qualification documents", new Listing("/api/v1/qualification-documents", () -> null, 20, true)),
                Named.of("void notices", new Listing("/api/v1/void-notices", () -> null, 20, true)),
                Named.of("dishonesty list", new Listing("/api/v1/dishonesty-list", () -> Tokens.withRole("registrar", "TEST-A"), 50, false)),
                Named.of("holder's verification log", new Listing("/api/v1/me/certificates/{number}/verification-log",
                        () -> Tokens.holder(OneHolder.get().idNumber()), 20, true)));
    }

    /** Each bad query and the parameter its answer must name. */
    static final List<Map.Entry<String, String>> BAD = List.of(
            bad("page", "x"), bad("page", "-1"), bad("page", ""), bad("page", "1.5"), bad("page", "+1"), bad("page", " 1"),
            bad("page", "2147483648"),
            Map.entry("page=2147483647&size=100", "page"),
            Map.entry("page=10001&size=100", "page"),
            Map.entry("page=1&page=2", "page"),
            bad("size", "x"), bad("size", "-1"), bad("size", ""), bad("size", "1.5"), bad("size", "+1"), bad("size", " 1"),
            bad("size", "2147483648"), bad("size", "0"), bad("size", "101"),
            Map.entry("size=1&size=2", "size"));

    static Stream<Arguments> badQueries() {
        return lists().flatMap(list -> BAD.stream().map(bad -> Arguments.of(list, bad.getKey(), bad.getValue())));
    }

    @ParameterizedTest(name = "{0}?{1} is a 400 naming {2}")
    @MethodSource("badQueries")
    void a_bad_page_or_size_is_a_400_invalid_query_naming_the_parameter(Listing list, String query, String named) {
        Response response = list.request().get(list.url() + "?" + query);

        JsonPath problem = Problems.assertProblem(response, 400, "/problems/invalid-query");
        assertThat(problem.getString("'invalid-params'[0].name")).isEqualTo(named);
        assertThat(problem.getList("'invalid-params'")).hasSize(1);
    }

    @ParameterizedTest(name = "{0} answers its default page")
    @MethodSource("lists")
    void without_paging_a_list_answers_its_first_page_at_its_default_size(Listing list) {
        Response response = list.request().get(list.url());

        assertThat(response.statusCode()).as(response.asString()).isEqualTo(200);
        assertThat(Problems.mediaType(response)).isEqualTo("application/json");
        if (list.answersPage()) {
            assertThat(response.jsonPath().getInt("page")).isZero();
            assertThat(response.jsonPath().getInt("size")).isEqualTo(list.defaultSize());
        }
    }

    @ParameterizedTest(name = "{0} answers a valid page")
    @MethodSource("lists")
    void a_valid_page_is_answered_up_to_the_offset_cap(Listing list) {
        for (String query : List.of("page=1&size=100", "page=007&size=5", "page=10000&size=100")) {
            Response response = list.request().get(list.url() + "?" + query);

            assertThat(response.statusCode()).as("%s: %s", query, response.asString()).isEqualTo(200);
            if (list.answersPage()) {
                assertThat(response.jsonPath().getInt("size")).isEqualTo(Integer.parseInt(query.substring(query.lastIndexOf('=') + 1)));
            }
        }
    }

    private static Map.Entry<String, String> bad(String name, String value) {
        return Map.entry(name + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8), name);
    }
}
