package com.etitle.holder;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.etitle.support.Api;
import com.etitle.support.IdCards;
import com.etitle.support.Problems;
import com.etitle.support.Requests;
import com.etitle.support.Tokens;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;

@QuarkusTest
class HolderCertificatesTest {

    private static final String ME = "/api/v1/me/certificates";

    @Test
    void a_holder_lists_every_certificate_issued_to_their_id_number_by_any_authority_newest_first() {
        String id = IdCards.next();
        String first = Api.issue("TEST-A", Requests.with("holderIdNumber", id)).getString("number");
        String second = Api.issue("TEST-SM2", Requests.with("holderIdNumber", id)).getString("number");
        Api.issue("TEST-A", Requests.with("holderIdNumber", IdCards.next()));

        Response answer = given().auth().oauth2(Tokens.holder(id)).when().get(ME);
        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.header("Cache-Control")).isEqualTo("no-store");
        JsonPath list = answer.jsonPath();
        assertThat(list.getList("number", String.class)).containsExactly(second, first);
        assertThat(list.getList("status", String.class)).containsOnly("VALID");
        assertThat(list.getString("[0].issuer.code")).isEqualTo("TEST-SM2");
        assertThat(list.getString("[1].qualificationName")).isEqualTo("高级工程师");
        assertThat(list.getString("[1].links.qr")).isEqualTo(ME + "/" + first + "/qr");
        assertThat(list.getString("[1].licenceId")).as("the e-licence identifier, as the authority's view has it")
                .isEqualTo(given().auth().oauth2(Tokens.issuer("TEST-A")).get("/api/v1/certificates/" + first).jsonPath().getString("licenceId"))
                .contains("." + first + ".001.");
        assertThat(list.getString("[0].licenceId")).contains(".11990000TEC000001Y." + second + ".001.");
        assertThat(answer.asString()).as("no ID number, masked or not, in the holder's answers").doesNotContain(id, id.substring(id.length() - 4) + "\"");
    }

    @Test
    void another_holders_certificate_answers_exactly_like_a_number_that_does_not_exist() {
        String mine = IdCards.next();
        String number = Api.issue("TEST-A", Requests.with("holderIdNumber", IdCards.next())).getString("number");
        given().auth().oauth2(Tokens.holder(mine)).when().get(ME).then().statusCode(200).body("size()", org.hamcrest.Matchers.is(0));
        for (String path : List.of("", "/credential", "/qr", "/document", "/grants", "/verification-log")) {
            Response theirs = given().auth().oauth2(Tokens.holder(mine)).when().get(ME + "/" + number + path);
            Response unknown = given().auth().oauth2(Tokens.holder(mine)).when().get(ME + "/" + "9" + number.substring(1) + path);
            Problems.assertProblem(theirs, 404, "/problems/not-found");
            Problems.assertProblem(unknown, 404, "/problems/not-found");
            Map<String, Object> a = new java.util.HashMap<>(theirs.jsonPath().getMap(""));
            Map<String, Object> b = new java.util.HashMap<>(unknown.jsonPath().getMap(""));
            a.remove("instance");
            b.remove("instance");
            // each answer's own id, whatever it answers
            a.remove("requestId");
            b.remove("requestId");
            assertThat(a).as(path).isEqualTo(b);
        }
        Response grant = given().auth().oauth2(Tokens.holder(mine)).contentType(ContentType.JSON)
                .body(Map.of("verifierName", "某公司", "purpose", "入职", "validityDays", 30)).when().post(ME + "/" + number + "/grants");
        Problems.assertProblem(grant, 404, "/problems/not-found");
    }

    @Test
    void only_a_holder_token_naming_a_person_opens_the_holder_api() {
        Problems.assertProblem(given().when().get(ME), 401, "/problems/unauthenticated");
        Problems.assertProblem(given().auth().oauth2(Tokens.issuer("TEST-A")).when().get(ME), 403, "/problems/forbidden");
        JsonPath noClaim = Problems.assertProblem(given().auth().oauth2(Tokens.withRole("holder", null)).when().get(ME), 403,
                "/problems/forbidden");
        assertThat(noClaim.getString("detail")).contains("id_number_sha256");
    }

    @Test
    void the_holder_token_carries_a_hash_of_the_id_number_never_the_number() {
        String id = IdCards.next();
        String token = Tokens.holder(id);
        String claims = new String(Base64.getUrlDecoder().decode(token.split("\\.")[1]), StandardCharsets.UTF_8);
        assertThat(claims).doesNotContain(id, id.substring(6, 14)).contains("\"id_number_sha256\":\"");
    }

    @Test
    void the_credential_is_the_signed_vc_byte_for_byte_not_cacheable_and_verifies() {
        String id = IdCards.next();
        JsonPath issued = Api.issue("TEST-A", Requests.with("holderIdNumber", id));
        String number = issued.getString("number");
        Response credential = given().auth().oauth2(Tokens.holder(id)).when().get(ME + "/" + number + "/credential");
        assertThat(credential.statusCode()).isEqualTo(200);
        assertThat(credential.header("Cache-Control")).isEqualTo("no-store");
        assertThat(Problems.mediaType(credential)).isEqualTo("application/vc");
        String issuerView = given().auth().oauth2(Tokens.issuer("TEST-A")).when().get("/api/v1/certificates/" + number).asString();
        assertThat(issuerView).contains("\"credential\":" + credential.asString());
        Map<String, Object> vc = credential.jsonPath().getMap("");
        assertThat(Api.verify(Map.of("credential", vc)).getString("result")).isEqualTo("VALID");
    }

    @Test
    void status_changes_show_in_the_list_and_a_voided_certificate_links_to_its_replacement() {
        String id = IdCards.next();
        JsonPath approval = Api.issueAndReplace("TEST-A", Requests.with("holderIdNumber", id));
        String suspended = Api.issue("TEST-A", Requests.with("holderIdNumber", id)).getString("number");
        given().auth().oauth2(Tokens.issuer("TEST-A")).contentType(ContentType.JSON).body("{}")
                .when().post("/api/v1/certificates/" + suspended + "/suspension").then().statusCode(200);

        JsonPath list = given().auth().oauth2(Tokens.holder(id)).when().get(ME).then().statusCode(200).extract().jsonPath();
        String replacement = approval.getString("newCertificateNumber");
        String voided = approval.getString("certificateNumber");
        assertThat(replacement).isNotBlank();
        Map<String, Object> old = one(list, voided);
        assertThat(old).containsEntry("status", "VOIDED").containsEntry("statusReason", "LOST").containsEntry("replacedBy", replacement);
        assertThat(((Map<?, ?>) old.get("links")).get("replacedBy")).isEqualTo(ME + "/" + replacement);
        assertThat(one(list, replacement)).containsEntry("status", "VALID").containsEntry("replaces", voided).doesNotContainKey("replacedBy");
        assertThat(one(list, suspended)).containsEntry("status", "SUSPENDED");

        JsonPath single = given().auth().oauth2(Tokens.holder(id)).when().get(ME + "/" + voided).then().statusCode(200).extract().jsonPath();
        assertThat(single.getString("replacedBy")).isEqualTo(replacement);
    }

    private static Map<String, Object> one(JsonPath list, String number) {
        List<Map<String, Object>> all = list.getList("");
        return all.stream().filter(m -> number.equals(m.get("number"))).findFirst().orElseThrow(() -> new AssertionError(number + " not listed"));
    }
}
