package com.etitle.holder;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.etitle.support.Api;
import com.etitle.support.Database;
import com.etitle.support.IdCards;
import com.etitle.support.Problems;
import com.etitle.support.Requests;
import com.etitle.support.Tokens;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

@QuarkusTest
class VerificationLogTest {

    private static final String ME = "/api/v1/me/certificates";

    @Test
    void every_verification_of_the_certificate_is_listed_newest_first_with_its_way_and_grant_never_an_address() {
        String id = IdCards.next();
        JsonPath issued = Api.issue("TEST-A", Requests.with("holderIdNumber", id));
        String number = issued.getString("number");
        String credential = given().auth().oauth2(Tokens.holder(id)).when().get(ME + "/" + number + "/credential").asString();
        String grant = given().auth().oauth2(Tokens.holder(id)).contentType(ContentType.JSON)
                .body(Map.of("verifierName", "示范市建筑工程有限公司", "purpose", "入职资格审核", "validityDays", 30))
                .when().post(ME + "/" + number + "/grants").then().statusCode(201).extract().path("code");

        Api.verify(Map.of("certificateNumber", number, "holderName", issued.getString("holderName"),
                "verificationCode", issued.getString("verificationCode")));
        Api.verify(Map.of("token", issued.getString("token")));
        given().contentType(ContentType.JSON).header("X-Forwarded-For", "203.0.113.77").body("{\"credential\":" + credential + "}")
                .when().post("/api/v1/verifications").then().statusCode(200);
        Api.verify(Map.of("grant", grant));
        // failures that do not name the certificate are not its verifications
        Api.verify(Map.of("certificateNumber", number, "holderName", issued.getString("holderName"), "verificationCode", "WRONG123"));
        Api.verify(Map.of("grant", "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"));

        var response = given().auth().oauth2(Tokens.holder(id)).when().get(ME + "/" + number + "/verification-log");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.header("Cache-Control")).isEqualTo("no-store");
        JsonPath log = response.jsonPath();
        assertThat(log.getLong("total")).isEqualTo(4);
        assertThat(log.getList("items.method", String.class)).containsExactly("GRANT", "CREDENTIAL", "TOKEN", "NUMBER_AND_CODE");
        assertThat(log.getList("items.result", String.class)).containsOnly("VALID");
        assertThat(log.getString("items[0].grant.verifierName")).isEqualTo("示范市建筑工程有限公司");
        assertThat(log.getString("items[0].grant.purpose")).isEqualTo("入职资格审核");
        assertThat(log.getMap("items[1]")).doesNotContainKey("grant");
        assertThat(response.asString()).doesNotContain("203.0.113.77", "127.0.0.1", "address", "\"ip");
        assertThat(Database.count("SELECT count(*) FROM information_schema.columns WHERE table_name = 'verification_event'"
                + " AND data_type IN ('inet', 'cidr')")).as("nowhere to keep an address").isZero();
    }

    @Test
    void a_verification_of_a_certificate_that_is_not_valid_is_logged_with_its_result() {
        String id = IdCards.next();
        JsonPath issued = Api.issue("TEST-A", Requests.with("holderIdNumber", id));
        String number = issued.getString("number");
        given().auth().oauth2(Tokens.issuer("TEST-A")).contentType(ContentType.JSON).body("{}")
                .when().post("/api/v1/certificates/" + number + "/suspension").then().statusCode(200);
        Api.verify(Map.of("token", issued.getString("token")));
        JsonPath log = given().auth().oauth2(Tokens.holder(id)).when().get(ME + "/" + number + "/verification-log")
                .then().statusCode(200).extract().jsonPath();
        assertThat(log.getList("items.result", String.class)).containsExactly("CERTIFICATE_NOT_VALID");
    }

    @Test
    void the_log_pages_and_refuses_bad_paging_and_other_holders() {
        String id = IdCards.next();
        JsonPath issued = Api.issue("TEST-A", Requests.with("holderIdNumber", id));
        String number = issued.getString("number");
        for (int i = 0; i < 5; i++) {
            Api.verify(Map.of("token", issued.getString("token")));
        }
        JsonPath page = given().auth().oauth2(Tokens.holder(id)).queryParam("page", 1).queryParam("size", 2)
                .when().get(ME + "/" + number + "/verification-log").then().statusCode(200).extract().jsonPath();
        assertThat(page.getLong("total")).isEqualTo(5);
        assertThat(page.getList("items")).hasSize(2);
        List.of(0, 101).forEach(size -> Problems.assertProblem(given().auth().oauth2(Tokens.holder(id)).queryParam("size", size)
                .when().get(ME + "/" + number + "/verification-log"), 400, "/problems/invalid-query"));
        Problems.assertProblem(given().auth().oauth2(Tokens.holder(IdCards.next())).when().get(ME + "/" + number + "/verification-log"),
                404, "/problems/not-found");
    }
}
