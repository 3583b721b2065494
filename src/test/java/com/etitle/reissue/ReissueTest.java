package com.etitle.reissue;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import com.etitle.support.Api;
import com.etitle.support.Database;
import com.etitle.support.Forgery;
import com.etitle.support.Numbers;
import com.etitle.support.Problems;
import com.etitle.support.Requests;
import com.etitle.support.Tokens;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;

/**
 * Lost-certificate reissue. Seed 001 §七(三): 遗失证书 … 不再要求出具单位公函和个人登报声明,只需填写…申领表 — no unit
 * letter and no newspaper notice, only the form; the void declaration goes to the authority's portal
 * (see VoidNoticeTest).
 */
@QuarkusTest
class ReissueTest {

    private static final String PATH = "/api/v1/reissue-applications";
    private static final List<String> FACTS = List.of("holderName", "holderIdNumberMasked", "workUnit", "series", "specialty", "level",
            "qualificationName", "effectiveScope", "acquisitionRoute", "promotionType", "committeeName", "approvalDocumentNumber",
            "qualificationDate", "issuer.code");

    // --- the application: the form and the declaration, nothing else

    @Test
    void a_lost_certificate_is_applied_for_with_the_form_and_declaration_alone_seed_001_section_7_3() {
        String number = Api.issue("TEST-A", Requests.engineer()).getString("number");

        Response response = apply("TEST-A", form(number, "LOST", Api.DECLARATION));

        JsonPath filed = response.then().statusCode(201).header("Cache-Control", "no-store").extract().jsonPath();
        assertThat(filed.getString("certificateNumber")).isEqualTo(number);
        assertThat(filed.getString("reason")).isEqualTo("LOST");
        assertThat(filed.getString("declaration")).isEqualTo(Api.DECLARATION);
        assertThat(filed.getString("status")).isEqualTo("PENDING");
        assertThat(filed.getString("createdAt")).isNotBlank();
        assertThat(filed.getString("newCertificateNumber")).isNull();
        assertThat(response.header("Location")).endsWith(PATH + "/" + filed.getLong("id"));
        JsonPath read = given().auth().oauth2(Tokens.issuer("TEST-A")).get(PATH + "/{id}", filed.getLong("id"))
                .then().statusCode(200).header("Cache-Control", "no-store").extract().jsonPath();
        assertThat(read.getMap("")).isEqualTo(filed.getMap(""));
    }

    @Test
    void a_damaged_certificate_is_applied_for_in_the_same_way() {
        String number = Api.issue("TEST-A", Requests.engineer()).getString("number");

        JsonPath filed = apply("TEST-A", form(number, "damaged", Api.DECLARATION)).then().statusCode(201).extract().jsonPath();

        assertThat(filed.getString("reason")).isEqualTo("DAMAGED");
    }

    @ParameterizedTest
    @ValueSource(strings = {"unitLetter", "newspaperNotice"})
    void a_unit_letter_or_a_newspaper_notice_is_no_field_of_the_form_and_sending_one_is_a_400_naming_it(String field) {
        String number = Api.issue("TEST-A", Requests.engineer()).getString("number");
        Map<String, Object> body = form(number, "LOST", Api.DECLARATION);
        body.put(field, "测人社函〔2026〕1号");

        JsonPath problem = Problems.assertProblem(apply("TEST-A", body), 400, "/problems/malformed-request");

        assertThat(problem.getList("invalid-params.name", String.class)).containsExactly(field);
        assertThat(applicationsFor(number)).isZero();
    }

    @ParameterizedTest(name = "{0} = ''{1}'' is rejected")
    @CsvSource(delimiter = '|', value = {
        "certificateNumber|",
        "reason|",
        "reason|EXPIRED",
        "declaration|",
        "declaration|证书遗失特此声明"})
    void each_invalid_field_is_named_and_nothing_is_filed(String field, String value) {
        String number = Api.issue("TEST-A", Requests.engineer()).getString("number");
        Map<String, Object> body = form(number, "LOST", Api.DECLARATION);
        body.put(field, value);

        JsonPath problem = Problems.assertProblem(apply("TEST-A", body), 422, "/problems/validation-failed");

        assertThat(problem.getList("invalid-params.name", String.class)).containsExactly(field);
        assertThat(applicationsFor(number)).isZero();
    }

    @Test
    void a_declaration_of_10_to_2000_characters_is_accepted_and_one_of_2001_is_not() {
        for (int length : List.of(10, 2000)) {
            String number = Api.issue("TEST-A", Requests.engineer()).getString("number");
            apply("TEST-A", form(number, "LOST", "声".repeat(length))).then().statusCode(201);
        }
        String number = Api.issue("TEST-A", Requests.engineer()).getString("number");

        JsonPath problem = Problems.assertProblem(apply("TEST-A", form(number, "LOST", "声".repeat(2001))), 422, "/problems/validation-failed");

        assertThat(problem.getList("invalid-params.name", String.class)).containsExactly("declaration");
    }

    @Test
    void an_unknown_certificate_number_is_a_404() {
        String number = Api.issue("TEST-A", Requests.engineer()).getString("number");

        Problems.assertProblem(apply("TEST-A", form(Numbers.unknownLike(number), "LOST", Api.DECLARATION)), 404, "/problems/not-found");
    }

    @Test
    void another_authoritys_certificate_is_a_404_like_an_unknown_one() {
        String number = Api.issue("TEST-A", Requests.engineer()).getString("number");

        Problems.assertProblem(apply("TEST-B", form(number, "LOST", Api.DECLARATION)), 404, "/problems/not-found");
        assertThat(applicationsFor(number)).isZero();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"revocation|{\"reason\":\"ISSUED_IN_ERROR\"}", "suspension|{}"})
    void a_revoked_or_suspended_certificate_cannot_be_applied_for(String change, String body) {
        String number = Api.issue("TEST-A", Requests.engineer()).getString("number");
        given().auth().oauth2(Tokens.issuer("TEST-A")).contentType(ContentType.JSON).body(body)
                .post("/api/v1/certificates/{number}/" + change, number).then().statusCode(200);

        Problems.assertProblem(apply("TEST-A", form(number, "LOST", Api.DECLARATION)), 409, "/problems/status-conflict");
    }

    @Test
    void a_voided_certificate_cannot_be_applied_for_again() {
        JsonPath approved = Api.issueAndReplace("TEST-A", Requests.engineer());

        Problems.assertProblem(apply("TEST-A", form(approved.getString("certificateNumber"), "LOST", Api.DECLARATION)), 409,
                "/problems/status-conflict");
    }

    @Test
    void a_second_application_while_one_is_open_is_a_409_and_one_after_a_rejection_is_accepted() {
        String number = Api.issue("TEST-A", Requests.engineer()).getString("number");
        long first = Api.applyForReissue("TEST-A", number).getLong("id");

        Problems.assertProblem(apply("TEST-A", form(number, "LOST", Api.DECLARATION)), 409, "/problems/reissue-conflict");

        reject("TEST-A", first, "声明与证书信息不符").then().statusCode(200);
        apply("TEST-A", form(number, "LOST", Api.DECLARATION)).then().statusCode(201);
    }

    // --- approval: void the old, issue the replacement, queue the declaration, in one transaction

    @Test
    void approval_voids_the_old_certificate_and_issues_a_replacement_with_a_new_number_and_code_and_the_same_facts() {
        JsonPath old = Api.issue("TEST-A", Requests.engineer());
        long id = Api.applyForReissue("TEST-A", old.getString("number")).getLong("id");

        JsonPath approved = Api.approveReissue("TEST-A", id);

        assertThat(approved.getString("status")).isEqualTo("APPROVED");
        assertThat(approved.getString("decidedAt")).isNotBlank();
        String newNumber = approved.getString("newCertificateNumber");
        assertThat(newNumber).matches("20[0-9]{15}").isNotEqualTo(old.getString("number"));
        JsonPath voided = certificate(old.getString("number"));
        JsonPath replacement = certificate(newNumber);
        assertThat(voided.getString("status")).isEqualTo("VOIDED");
        assertThat(voided.getString("statusReason")).isEqualTo("LOST");
        assertThat(replacement.getString("status")).isEqualTo("VALID");
        assertThat(replacement.getString("verificationCode")).isNotEqualTo(old.getString("verificationCode"));
        for (String fact : FACTS) {
            assertThat(replacement.getString(fact)).as(fact).isEqualTo(old.getString(fact));
        }
        assertThat(replacement.getString("replaces")).isEqualTo(old.getString("number"));
        assertThat(replacement.getString("credential.credentialSubject.professionalTitle.certificateNumber")).isEqualTo(newNumber);
        assertThat(replacement.getString("credential.credentialSubject.professionalTitle.replaces")).isEqualTo(old.getString("number"));
        assertThat(Forgery.claims(replacement.getString("token"))).containsEntry("sub", newNumber);
        // a new certificate: an e-licence identifier of its own, its serial the new number, version 001
        assertThat(replacement.getString("licenceId")).isNotEqualTo(old.getString("licenceId")).contains("." + newNumber + ".001.");
        assertThat(replacement.getString("credential.credentialSubject.professionalTitle.licenceId")).isEqualTo(replacement.getString("licenceId"));
        assertThat(voided.getString("licenceId")).isEqualTo(old.getString("licenceId"));
    }

    @Test
    void the_old_certificate_verifies_as_voided_and_replaced_in_every_form_without_revealing_the_new_number() {
        JsonPath old = Api.issue("TEST-A", Requests.engineer());
        String newNumber = Api.approveReissue("TEST-A", Api.applyForReissue("TEST-A", old.getString("number")).getLong("id"))
                .getString("newCertificateNumber");

        for (Map<String, Object> request : List.<Map<String, Object>>of(
                Map.of("credential", old.getMap("credential")),
                Map.of("token", old.getString("token")),
                Map.of("certificateNumber", old.getString("number"), "holderName", "张三", "verificationCode", old.getString("verificationCode")))) {
            Response response = given().contentType(ContentType.JSON).body(request).post("/api/v1/verifications");

            JsonPath answer = response.then().statusCode(200).extract().jsonPath();
            assertThat(answer.getString("result")).as("%s", request.keySet()).isEqualTo("CERTIFICATE_NOT_VALID");
            assertThat(answer.getBoolean("valid")).isFalse();
            assertThat(answer.getString("certificate.status")).isEqualTo("VOIDED");
            assertThat(answer.getBoolean("certificate.replaced")).isTrue();
            assertThat(response.asString()).doesNotContain(newNumber);
        }
    }

    @Test
    void the_replacement_verifies_valid_and_is_not_marked_replaced() {
        String newNumber = Api.issueAndReplace("TEST-A", Requests.engineer()).getString("newCertificateNumber");
        JsonPath replacement = certificate(newNumber);

        for (Map<String, Object> request : List.<Map<String, Object>>of(
                Map.of("credential", replacement.getMap("credential")),
                Map.of("token", replacement.getString("token")),
                Map.of("certificateNumber", newNumber, "holderName", "张三", "verificationCode", replacement.getString("verificationCode")))) {
            JsonPath answer = Api.verify(request);

            assertThat(answer.getString("result")).as("%s", request.keySet()).isEqualTo("VALID");
            assertThat(answer.getBoolean("certificate.replaced")).isFalse();
        }
    }

    @Test
    void approving_twice_answers_the_same_replacement_and_issues_only_one() {
        String number = Api.issue("TEST-A", Requests.engineer()).getString("number");
        long id = Api.applyForReissue("TEST-A", number).getLong("id");

        JsonPath first = Api.approveReissue("TEST-A", id);
        JsonPath second = Api.approveReissue("TEST-A", id);

        assertThat(second.getMap("")).isEqualTo(first.getMap(""));
        assertThat(replacementsOf(number)).isEqualTo(1);
    }

    @Test
    void eight_approvals_at_the_same_moment_issue_exactly_one_replacement() throws Exception {
        String number = Api.issue("TEST-A", Requests.engineer()).getString("number");
        long id = Api.applyForReissue("TEST-A", number).getLong("id");
        String token = Tokens.issuer("TEST-A");
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        Set<String> replacements = new HashSet<>();
        try {
            List<Callable<Response>> calls = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                calls.add(() -> {
                    start.await();
                    return given().auth().oauth2(token).post(PATH + "/{id}/approval", id);
                });
            }
            List<Future<Response>> answers = new ArrayList<>();
            for (Callable<Response> call : calls) {
                answers.add(pool.submit(call));
            }
            start.countDown();
            for (Future<Response> answer : answers) {
                Response response = answer.get();
                assertThat(response.statusCode()).as(response.asString()).isEqualTo(200);
                replacements.add(response.path("newCertificateNumber"));
            }
        } finally {
            pool.shutdownNow();
        }

        assertThat(replacements).hasSize(1).doesNotContainNull();
        assertThat(replacementsOf(number)).isEqualTo(1);
        assertThat(Database.count("SELECT count(*) FROM void_declaration WHERE certificate_id = " + idOf(number))).isEqualTo(1);
        assertThat(Database.count("SELECT count(*) FROM audit_entry WHERE action = 'reissue.approved' AND subject = '" + number + "'"))
                .isEqualTo(1);
    }

    @Test
    void approval_queues_one_void_declaration_with_the_reason_and_todays_date_in_china() {
        JsonPath approved = Api.issueAndReplace("TEST-A", Requests.engineer());
        long certificate = idOf(approved.getString("certificateNumber"));

        assertThat(Database.string("SELECT reason || ' ' || void_date || ' ' || (notice_id IS NULL) FROM void_declaration WHERE certificate_id = "
                + certificate)).isEqualTo("LOST " + LocalDate.now(ZoneId.of("Asia/Shanghai")) + " true");
    }

    @Test
    void the_application_and_its_decision_are_recorded_in_the_audit_log() {
        JsonPath approved = Api.issueAndReplace("TEST-A", Requests.engineer());
        String number = approved.getString("certificateNumber");

        assertThat(Database.string("SELECT string_agg(action, ',' ORDER BY id) FROM audit_entry WHERE subject = '" + number + "'"))
                .isEqualTo("certificate.issued,reissue.applied,certificate.voided,reissue.approved");
        assertThat(Database.string("SELECT detail FROM audit_entry WHERE action = 'certificate.issued' AND subject = '"
                + approved.getString("newCertificateNumber") + "'")).contains("\"replaces\":\"" + number + "\"");
    }

    // --- rejection

    @Test
    void rejection_records_the_reason_and_a_later_approval_is_a_409_leaving_the_certificate_valid() {
        String number = Api.issue("TEST-A", Requests.engineer()).getString("number");
        long id = Api.applyForReissue("TEST-A", number).getLong("id");

        JsonPath rejected = reject("TEST-A", id, "申领表未签字").then().statusCode(200).extract().jsonPath();

        assertThat(rejected.getString("status")).isEqualTo("REJECTED");
        assertThat(rejected.getString("rejectionReason")).isEqualTo("申领表未签字");
        assertThat(rejected.getString("newCertificateNumber")).isNull();
        Problems.assertProblem(approve("TEST-A", id), 409, "/problems/reissue-conflict");
        assertThat(certificate(number).getString("status")).isEqualTo("VALID");
        assertThat(replacementsOf(number)).isZero();
    }

    @Test
    void repeating_a_rejection_answers_the_recorded_one() {
        long id = Api.applyForReissue("TEST-A", Api.issue("TEST-A", Requests.engineer()).getString("number")).getLong("id");
        JsonPath first = reject("TEST-A", id, "申领表未签字").then().statusCode(200).extract().jsonPath();

        JsonPath again = reject("TEST-A", id, "另一个理由").then().statusCode(200).extract().jsonPath();

        assertThat(again.getMap("")).isEqualTo(first.getMap(""));
    }

    @Test
    void rejecting_an_approved_application_is_a_409() {
        JsonPath approved = Api.issueAndReplace("TEST-A", Requests.engineer());

        Problems.assertProblem(reject("TEST-A", approved.getLong("id"), "晚了"), 409, "/problems/reissue-conflict");
        assertThat(certificate(approved.getString("newCertificateNumber")).getString("status")).isEqualTo("VALID");
    }

    @Test
    void a_rejection_needs_a_reason_of_1_to_500_characters() {
        long id = Api.applyForReissue("TEST-A", Api.issue("TEST-A", Requests.engineer()).getString("number")).getLong("id");

        for (String reason : List.of("", "理".repeat(501))) {
            JsonPath problem = Problems.assertProblem(reject("TEST-A", id, reason), 422, "/problems/validation-failed");
            assertThat(problem.getList("invalid-params.name", String.class)).containsExactly("reason");
        }
        reject("TEST-A", id, "理".repeat(500)).then().statusCode(200);
    }

    // --- who may do what

    @Test
    void another_authoritys_application_is_a_404_to_read_approve_or_reject() {
        String number = Api.issue("TEST-A", Requests.engineer()).getString("number");
        long id = Api.applyForReissue("TEST-A", number).getLong("id");

        Problems.assertProblem(given().auth().oauth2(Tokens.issuer("TEST-B")).get(PATH + "/{id}", id), 404, "/problems/not-found");
        Problems.assertProblem(approve("TEST-B", id), 404, "/problems/not-found");
        Problems.assertProblem(reject("TEST-B", id, "不是我们的"), 404, "/problems/not-found");
        assertThat(certificate(number).getString("status")).isEqualTo("VALID");
    }

    @Test
    void an_unknown_application_is_a_404() {
        Problems.assertProblem(given().auth().oauth2(Tokens.issuer("TEST-A")).get(PATH + "/{id}", Long.MAX_VALUE), 404, "/problems/not-found");
        Problems.assertProblem(approve("TEST-A", Long.MAX_VALUE), 404, "/problems/not-found");
    }

    @Test
    void without_a_token_applying_is_a_401_and_without_the_issuer_role_a_403() {
        String number = Api.issue("TEST-A", Requests.engineer()).getString("number");

        Problems.assertProblem(given().contentType(ContentType.JSON).body(form(number, "LOST", Api.DECLARATION)).post(PATH), 401,
                "/problems/unauthenticated");
        Problems.assertProblem(given().auth().oauth2(Tokens.withRole("holder", "TEST-A")).contentType(ContentType.JSON)
                .body(form(number, "LOST", Api.DECLARATION)).post(PATH), 403, "/problems/forbidden");
        assertThat(applicationsFor(number)).isZero();
    }

    // --- helpers

    private static Map<String, Object> form(String number, String reason, String declaration) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("certificateNumber", number);
        body.put("reason", reason);
        body.put("declaration", declaration);
        return body;
    }

    private static Response apply(String authority, Map<String, Object> body) {
        return given().auth().oauth2(Tokens.issuer(authority)).contentType(ContentType.JSON).body(body).post(PATH);
    }

    private static Response approve(String authority, long id) {
        return given().auth().oauth2(Tokens.issuer(authority)).post(PATH + "/{id}/approval", id);
    }

    private static Response reject(String authority, long id, String reason) {
        return given().auth().oauth2(Tokens.issuer(authority)).contentType(ContentType.JSON).body(Map.of("reason", reason))
                .post(PATH + "/{id}/rejection", id);
    }

    private static JsonPath certificate(String number) {
        return given().auth().oauth2(Tokens.issuer("TEST-A")).get("/api/v1/certificates/{number}", number)
                .then().statusCode(200).extract().jsonPath();
    }

    private static long idOf(String number) {
        return Long.parseLong(Database.string("SELECT id FROM certificate WHERE number = '" + number + "'"));
    }

    private static long applicationsFor(String number) {
        return Database.count("SELECT count(*) FROM reissue_application a JOIN certificate c ON c.id = a.certificate_id WHERE c.number = '"
                + number + "'");
    }

    private static long replacementsOf(String number) {
        return Database.count("SELECT count(*) FROM certificate WHERE replaces_certificate_id = " + idOf(number));
    }
}
