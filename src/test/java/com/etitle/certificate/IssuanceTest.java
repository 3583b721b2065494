package com.etitle.certificate;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import com.etitle.support.Api;
import com.etitle.support.Database;
import com.etitle.support.Requests;
import com.etitle.support.Tokens;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;

@QuarkusTest
class IssuanceTest {

    private static final String PROBLEM = "application/problem+json";

    @Test
    void an_issuer_issues_a_certificate_with_a_random_number_a_code_and_both_signed_forms() {
        JsonPath issued = Api.issue("TEST-A", Requests.engineer());

        assertThat(issued.getString("number")).matches("20[0-9]{15}");
        assertThat(issued.getString("verificationCode")).matches("[2-9A-Z]{8}");
        assertThat(issued.getString("status")).isEqualTo("VALID");
        assertThat(issued.getString("issuer.code")).isEqualTo("TEST-A");
        assertThat(issued.getString("qualificationDate")).isEqualTo("2026-06-18");
        assertThat(issued.getList("credential.type", String.class)).containsExactly("VerifiableCredential", "ProfessionalTitleCredential");
        assertThat(issued.getList("credential.@context", String.class)).first().isEqualTo("https://www.w3.org/ns/credentials/v2");
        assertThat(issued.getString("credential.proof.cryptosuite")).isEqualTo("eddsa-jcs-2022");
        assertThat(issued.getString("credential.credentialSubject.professionalTitle.certificateNumber")).isEqualTo(issued.getString("number"));
        assertThat(issued.getString("token")).hasSizeLessThan(600);
        System.out.printf("compact token length (Ed25519, 2-character name, public URL http://localhost:8081): %d characters%n",
                issued.getString("token").length());
    }

    @Test
    void the_token_names_its_issuer_by_did_and_points_at_its_status_in_a_token_status_list_and_stays_under_600_characters() {
        Map<String, Object> body = Requests.engineer();
        body.put("holderName", "欧阳晓明");
        body.put("qualificationName", "正高级工程师");
        body.put("level", "FULL_SENIOR");
        body.put("specialty", "给水排水与环境工程");
        JsonPath issued = Api.issue("TEST-A", body);
        String token = issued.getString("token");

        JsonPath header = new JsonPath(new String(Base64.getUrlDecoder().decode(token.split("\\.")[0]), StandardCharsets.UTF_8));
        JsonPath claims = new JsonPath(new String(Base64.getUrlDecoder().decode(token.split("\\.")[1]), StandardCharsets.UTF_8));

        assertThat(claims.getString("iss")).isEqualTo("did:web:localhost%3A8081:issuers:TEST-A");
        assertThat(header.getString("kid")).isEqualTo(issued.getString("keyId"));
        assertThat(claims.getString("sub")).isEqualTo(issued.getString("number"));
        assertThat(claims.getString("status.status_list.uri")).matches("http://localhost:8081/api/v1/status-lists/[0-9]+");
        assertThat(claims.getInt("status.status_list.idx")).isNotNegative();
        assertThat(claims.getMap("")).containsOnlyKeys("iss", "sub", "iat", "name", "title", "specialty", "qdate", "status");
        // the DID and the status URL grow with the public URL: 6 more characters of host add 16 to the token
        assertThat(token).hasSizeLessThan(600 - 40);
        System.out.printf("compact token length (Ed25519, 4-character name, 6-character title, 9-character specialty): %d characters%n",
                token.length());
    }

    @Test
    void the_holder_id_number_is_kept_but_only_ever_returned_masked() {
        Response response = given().auth().oauth2(Tokens.issuer("TEST-A")).contentType(ContentType.JSON).body(Requests.engineer())
                .post("/api/v1/certificates");
        String number = response.then().statusCode(201).extract().path("number");
        assertThat(response.asString()).doesNotContain("110105198003121238").contains("1101**********1238");
        assertThat(Database.string("SELECT holder_id_number FROM certificate WHERE number = '" + number + "'")).isEqualTo("110105198003121238");
        String fetched = given().auth().oauth2(Tokens.issuer("TEST-A")).get("/api/v1/certificates/" + number).then().statusCode(200)
                .header("Cache-Control", "no-store").extract().asString();
        assertThat(fetched).doesNotContain("110105198003121238");
    }

    @Test
    void numbers_are_not_sequential() {
        List<Long> numbers = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            numbers.add(Long.parseLong(Api.issue("TEST-A", Requests.engineer()).getString("number")));
        }
        List<Long> steps = new ArrayList<>();
        for (int i = 1; i < numbers.size(); i++) {
            steps.add(Math.abs(numbers.get(i) - numbers.get(i - 1)));
        }
        assertThat(steps).allSatisfy(step -> assertThat(step).isGreaterThan(1000));
    }

    @ParameterizedTest(name = "{0} = ''{1}'' is rejected")
    @CsvSource(delimiter = '|', value = {
        "holderName|",
        "holderIdNumber|110105198003121239",
        "holderIdNumber|11010519800231123X",
        "level|SUPREME",
        "effectiveScope|EVERYWHERE",
        "acquisitionRoute|LOTTERY",
        "promotionType|BRIBERY",
        "qualificationDate|2026-13-01",
        "qualificationDate|2999-01-01",
        "committeeName|",
        "approvalDocumentNumber|",
        "workUnit|"})
    void each_invalid_field_is_named_and_nothing_is_written(String field, String value) {
        long certificates = Database.count("SELECT count(*) FROM certificate");
        long audit = Database.count("SELECT count(*) FROM audit_entry");

        given().auth().oauth2(Tokens.issuer("TEST-A")).contentType(ContentType.JSON).body(Requests.with(field, value))
                .when().post("/api/v1/certificates")
                .then().statusCode(422).contentType(PROBLEM)
                .body("type", equalTo("/problems/validation-failed"))
                .body("'invalid-params'.name", hasItem(field));

        assertThat(Database.count("SELECT count(*) FROM certificate")).isEqualTo(certificates);
        assertThat(Database.count("SELECT count(*) FROM audit_entry")).isEqualTo(audit);
    }

    @Test
    void several_invalid_fields_are_all_named_in_one_answer() {
        Map<String, Object> body = Requests.with("level", "X");
        body.put("holderName", "");
        body.put("qualificationDate", "yesterday");
        List<String> named = given().auth().oauth2(Tokens.issuer("TEST-A")).contentType(ContentType.JSON).body(body)
                .post("/api/v1/certificates").then().statusCode(422).extract().path("'invalid-params'.name");
        assertThat(named).containsExactlyInAnyOrder("level", "holderName", "qualificationDate");
    }

    @Test
    void a_field_the_api_does_not_know_is_a_400_naming_it() {
        given().auth().oauth2(Tokens.issuer("TEST-A")).contentType(ContentType.JSON).body(Requests.with("issueDate", "2020-01-01"))
                .post("/api/v1/certificates").then().statusCode(400).contentType(PROBLEM)
                .body("'invalid-params'[0].name", equalTo("issueDate"));
    }

    @Test
    void the_exam_route_needs_no_committee() {
        Map<String, Object> body = Requests.with("acquisitionRoute", "EXAM");
        body.remove("committeeName");
        given().auth().oauth2(Tokens.issuer("TEST-A")).contentType(ContentType.JSON).body(body)
                .post("/api/v1/certificates").then().statusCode(201);
    }

    @Test
    void the_same_idempotency_key_and_body_give_the_same_certificate_not_a_second_one() {
        String key = UUID.randomUUID().toString();
        long before = Database.count("SELECT count(*) FROM certificate");
        String first = idempotent(key, Requests.engineer()).then().statusCode(201).extract().path("number");
        Response again = idempotent(key, Requests.engineer());
        again.then().statusCode(200).header("Idempotent-Replayed", "true");
        assertThat(again.<String>path("number")).isEqualTo(first);
        assertThat(Database.count("SELECT count(*) FROM certificate")).isEqualTo(before + 1);
    }

    @Test
    void the_same_idempotency_key_with_another_body_is_a_422() {
        String key = UUID.randomUUID().toString();
        idempotent(key, Requests.engineer()).then().statusCode(201);
        idempotent(key, Requests.with("holderName", "李四")).then().statusCode(422).contentType(PROBLEM)
                .body("type", equalTo("/problems/idempotency-key-reused"));
    }

    @Test
    void concurrent_requests_with_one_idempotency_key_make_exactly_one_certificate() throws Exception {
        String key = UUID.randomUUID().toString();
        long before = Database.count("SELECT count(*) FROM certificate");
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<String>> calls = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                calls.add(() -> idempotent(key, Requests.engineer()).then().statusCode(org.hamcrest.Matchers.anyOf(equalTo(200), equalTo(201)))
                        .extract().path("number"));
            }
            Set<String> numbers = new HashSet<>();
            for (Future<String> f : pool.invokeAll(calls)) {
                numbers.add(f.get());
            }
            assertThat(numbers).hasSize(1);
        } finally {
            pool.shutdownNow();
        }
        assertThat(Database.count("SELECT count(*) FROM certificate")).isEqualTo(before + 1);
    }

    @Test
    void an_issuer_reads_its_own_certificate_with_both_forms() {
        JsonPath issued = Api.issue("TEST-A", Requests.engineer());
        JsonPath read = given().auth().oauth2(Tokens.issuer("TEST-A")).get("/api/v1/certificates/" + issued.getString("number"))
                .then().statusCode(200).extract().jsonPath();
        assertThat(read.getString("token")).isEqualTo(issued.getString("token"));
        assertThat(read.getMap("credential")).isEqualTo(issued.getMap("credential"));
    }

    @Test
    void an_unknown_number_is_a_404_problem() {
        given().auth().oauth2(Tokens.issuer("TEST-A")).get("/api/v1/certificates/20260000000000000")
                .then().statusCode(404).contentType(PROBLEM);
    }

    private static Response idempotent(String key, Map<String, Object> body) {
        return given().auth().oauth2(Tokens.issuer("TEST-A")).header("Idempotency-Key", key).contentType(ContentType.JSON).body(body)
                .post("/api/v1/certificates");
    }
}
