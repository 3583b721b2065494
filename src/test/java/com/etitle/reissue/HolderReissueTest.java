package com.etitle.reissue;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import com.etitle.support.Api;
import com.etitle.support.Database;
import com.etitle.support.IdCards;
import com.etitle.support.Problems;
import com.etitle.support.Requests;
import com.etitle.support.Tokens;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;

/**
 * The holder applies online for their own lost or damaged certificate (seed 000: 全流程实现网上办理; seed 001 §七(三):
 * only the 申领表), the authority's issuers find it in their queue and decide it as any other, and the holder follows
 * it to the replacement in their own list.
 */
@QuarkusTest
class HolderReissueTest {

    private static final String ME = "/api/v1/me/certificates";
    private static final String QUEUE = "/api/v1/reissue-applications";
    private static final String CONTACT = "13912345678";

    record Held(String id, String number) {
    }

    private static Held held(String authority) {
        String id = IdCards.next();
        return new Held(id, Api.issue(authority, Requests.with("holderIdNumber", id)).getString("number"));
    }

    @Test
    void the_holder_applies_the_issuer_finds_it_pending_approves_it_and_the_holder_sees_the_replacement() {
        Held h = held("TEST-A");

        Response filed = apply(h.id(), h.number(), form("LOST", Api.DECLARATION, CONTACT));

        JsonPath application = filed.then().statusCode(201).header("Cache-Control", "no-store").extract().jsonPath();
        assertThat(application.getString("status")).isEqualTo("PENDING");
        assertThat(application.getString("filedBy")).isEqualTo("HOLDER");
        assertThat(application.getString("contact")).isEqualTo(CONTACT);
        assertThat(application.getString("certificateNumber")).isEqualTo(h.number());
        long id = application.getLong("id");

        List<Map<String, Object>> pending = pendingOf("TEST-A");
        assertThat(pending).filteredOn(a -> ((Number) a.get("id")).longValue() == id).singleElement()
                .satisfies(a -> assertThat(a).containsEntry("filedBy", "HOLDER").containsEntry("contact", CONTACT));

        String replacement = given().auth().oauth2(Tokens.issuer("TEST-A")).post(QUEUE + "/{id}/approval", id)
                .then().statusCode(200).extract().path("newCertificateNumber");

        JsonPath mine = given().auth().oauth2(Tokens.holder(h.id())).get(ME + "/" + h.number() + "/reissue-applications")
                .then().statusCode(200).header("Cache-Control", "no-store").extract().jsonPath();
        assertThat(mine.getList("status", String.class)).containsExactly("APPROVED");
        assertThat(mine.getList("newCertificateNumber", String.class)).containsExactly(replacement);
        List<String> held = given().auth().oauth2(Tokens.holder(h.id())).get(ME).then().statusCode(200).extract().path("number");
        assertThat(held).contains(replacement, h.number());
        assertThat(pendingOf("TEST-A")).noneMatch(a -> ((Number) a.get("id")).longValue() == id);
    }

    @Test
    void another_persons_certificate_answers_exactly_like_an_unknown_number_and_nothing_is_filed() {
        Held owner = held("TEST-A");
        Held stranger = held("TEST-A");

        Response theirs = apply(stranger.id(), owner.number(), form("LOST", Api.DECLARATION, CONTACT));
        Response unknown = apply(stranger.id(), "20269999999999999", form("LOST", Api.DECLARATION, CONTACT));

        JsonPath a = Problems.assertProblem(theirs, 404, "/problems/not-found");
        JsonPath b = Problems.assertProblem(unknown, 404, "/problems/not-found");
        assertThat(a.getString("detail")).isEqualTo(b.getString("detail"));
        assertThat(applicationsFor(owner.number())).isZero();
        Problems.assertProblem(given().auth().oauth2(Tokens.holder(stranger.id())).get(ME + "/" + owner.number() + "/reissue-applications"),
                404, "/problems/not-found");
    }

    @Test
    void one_open_application_per_certificate_whoever_files_the_second() {
        Held h = held("TEST-A");
        apply(h.id(), h.number(), form("DAMAGED", Api.DECLARATION, "zhang.san@example.cn")).then().statusCode(201);

        Problems.assertProblem(apply(h.id(), h.number(), form("LOST", Api.DECLARATION, CONTACT)), 409, "/problems/reissue-conflict");
        Response byIssuer = given().auth().oauth2(Tokens.issuer("TEST-A")).contentType(ContentType.JSON)
                .body(Map.of("certificateNumber", h.number(), "reason", "LOST", "declaration", Api.DECLARATION)).post(QUEUE);
        Problems.assertProblem(byIssuer, 409, "/problems/reissue-conflict");
        assertThat(applicationsFor(h.number())).isEqualTo(1);
    }

    @ParameterizedTest(name = "{0} = ''{1}'' is rejected")
    @CsvSource(delimiter = '|', value = {
        "reason|",
        "reason|EXPIRED",
        "declaration|证书遗失",
        "contact|",
        "contact|not a phone",
        "contact|1391234567890123456789"})
    void each_invalid_field_is_named_and_nothing_is_filed(String field, String value) {
        Held h = held("TEST-A");
        Map<String, Object> body = form("LOST", Api.DECLARATION, CONTACT);
        body.put(field, value);

        JsonPath problem = Problems.assertProblem(apply(h.id(), h.number(), body), 422, "/problems/validation-failed");

        assertThat(problem.getList("invalid-params.name", String.class)).containsExactly(field);
        assertThat(applicationsFor(h.number())).isZero();
    }

    @Test
    void a_unit_letter_is_no_field_of_the_holder_s_form_either() {
        Held h = held("TEST-A");
        Map<String, Object> body = form("LOST", Api.DECLARATION, CONTACT);
        body.put("unitLetter", "测人社函〔2026〕1号");

        Problems.assertProblem(apply(h.id(), h.number(), body), 400, "/problems/malformed-request");
        assertThat(applicationsFor(h.number())).isZero();
    }

    @Test
    void the_queue_shows_only_the_callers_authority_filters_by_status_and_refuses_an_unknown_one() {
        Held ofB = held("TEST-B");
        long id = apply(ofB.id(), ofB.number(), form("LOST", Api.DECLARATION, CONTACT)).then().statusCode(201).extract().jsonPath().getLong("id");

        assertThat(pendingOf("TEST-A")).noneMatch(a -> ((Number) a.get("id")).longValue() == id);
        assertThat(pendingOf("TEST-B")).anyMatch(a -> ((Number) a.get("id")).longValue() == id)
                .allMatch(a -> "PENDING".equals(a.get("status")));
        JsonPath problem = Problems.assertProblem(given().auth().oauth2(Tokens.issuer("TEST-B")).queryParam("status", "OPEN").get(QUEUE),
                400, "/problems/invalid-query");
        assertThat(problem.getList("invalid-params.name", String.class)).containsExactly("status");
        Problems.assertProblem(given().auth().oauth2(Tokens.holder(ofB.id())).get(QUEUE), 403, "/problems/forbidden");
    }

    @Test
    void the_contact_is_not_written_into_the_audit_chain() {
        Held h = held("TEST-A");
        String contact = "0931-" + (1_000_000 + (int) (Math.random() * 8_000_000));

        apply(h.id(), h.number(), form("LOST", Api.DECLARATION, contact)).then().statusCode(201);

        assertThat(Database.count("SELECT count(*) FROM audit_entry WHERE subject = '" + h.number() + "' AND action = 'reissue.applied'"))
                .isEqualTo(1);
        assertThat(Database.count("SELECT count(*) FROM audit_entry WHERE detail LIKE '%" + contact + "%'")).isZero();
    }

    /** Every page of the authority's pending queue (other tests leave applications pending too). */
    private static List<Map<String, Object>> pendingOf(String authority) {
        List<Map<String, Object>> all = new java.util.ArrayList<>();
        for (int page = 0;; page++) {
            JsonPath one = given().auth().oauth2(Tokens.issuer(authority)).queryParam("status", "PENDING").queryParam("size", "100")
                    .queryParam("page", String.valueOf(page)).get(QUEUE)
                    .then().statusCode(200).header("Cache-Control", "no-store").extract().jsonPath();
            all.addAll(one.getList("items"));
            if (all.size() >= one.getLong("total") || one.getList("items").isEmpty()) {
                return all;
            }
        }
    }

    private static Map<String, Object> form(String reason, String declaration, String contact) {
        Map<String, Object> body = new HashMap<>();
        body.put("reason", reason);
        body.put("declaration", declaration);
        body.put("contact", contact);
        return body;
    }

    private static Response apply(String holderId, String number, Map<String, Object> body) {
        return given().auth().oauth2(Tokens.holder(holderId)).contentType(ContentType.JSON).body(body)
                .post(ME + "/" + number + "/reissue-applications");
    }

    private static long applicationsFor(String number) {
        return Database.count("SELECT count(*) FROM reissue_application a JOIN certificate c ON c.id = a.certificate_id WHERE c.number = '"
                + number + "'");
    }
}
