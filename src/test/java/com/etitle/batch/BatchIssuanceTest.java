package com.etitle.batch;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.sql.SQLException;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.Test;

import com.etitle.certificate.LicenceId;
import com.etitle.certificate.LicenceIds;
import com.etitle.support.Api;
import com.etitle.support.Database;
import com.etitle.support.Registers;
import com.etitle.support.Tokens;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

@QuarkusTest
class BatchIssuanceTest {

    private static final String PROBLEM = "application/problem+json";

    @Test
    void a_batch_issues_exactly_one_signed_certificate_per_entry_dated_from_the_vote() {
        long document = Registers.document("TEST-A", 20);

        Response response = batch(UUID.randomUUID().toString(), document);

        response.then().statusCode(201).header("Location", org.hamcrest.Matchers.endsWith("/api/v1/certificate-batches/" + response.path("id")))
                .body("status", equalTo("COMPLETED")).body("total", equalTo(20)).body("issued", equalTo(20));
        assertThat(certificatesOf(document)).isEqualTo(20);
        assertThat(Database.count("SELECT count(DISTINCT document_entry_id) FROM certificate c JOIN qualification_document_entry e"
                + " ON e.id = c.document_entry_id WHERE e.document_id = " + document)).isEqualTo(20);
        // seed 001 §四(五): the qualification date is the vote date (2026-06-18), not the document date (2026-07-01)
        assertThat(Database.count("SELECT count(*) FROM certificate c JOIN qualification_document_entry e ON e.id = c.document_entry_id"
                + " WHERE e.document_id = " + document + " AND c.qualification_date = DATE '2026-06-18'")).isEqualTo(20);
        String token = Database.string("SELECT c.token FROM certificate c JOIN qualification_document_entry e ON e.id = c.document_entry_id"
                + " WHERE e.document_id = " + document + " LIMIT 1");
        assertThat(Api.verify(Map.of("token", token)).getString("result")).isEqualTo("VALID");
        // every certificate of the batch has its e-licence identifier, its serial the certificate's number, also in the credential
        assertThat(Database.count("SELECT count(*) FROM certificate c JOIN qualification_document_entry e ON e.id = c.document_entry_id"
                + " WHERE e.document_id = " + document + " AND c.licence_id = '" + LicenceId.ROOT + "." + LicenceIds.PLACEHOLDER_TYPE_CODE
                + ".11990000TEA000001J.' || c.number || '.001.' || right(c.licence_id, 1)"
                + " AND c.credential::jsonb #>> '{credentialSubject,professionalTitle,licenceId}' = c.licence_id")).isEqualTo(20);
        assertThat(Database.string("SELECT string_agg(c.licence_id, ',') FROM certificate c JOIN qualification_document_entry e"
                + " ON e.id = c.document_entry_id WHERE e.document_id = " + document).split(","))
                .hasSize(20).allMatch(id -> LicenceId.parse(id).isPresent());
        assertThat(Database.count("SELECT count(*) FROM audit_entry a JOIN certificate c ON c.number = a.subject"
                + " JOIN qualification_document_entry e ON e.id = c.document_entry_id WHERE a.action = 'certificate.issued'"
                + " AND e.document_id = " + document)).isEqualTo(20);
    }

    @Test
    void the_same_key_and_body_again_returns_the_batch_without_issuing_again() {
        long document = Registers.document("TEST-A", 5);
        String key = UUID.randomUUID().toString();
        long id = batch(key, document).then().statusCode(201).extract().<Integer>path("id");

        batch(key, document).then().statusCode(200).header("Idempotent-Replayed", "true").body("id", equalTo((int) id));
        assertThat(certificatesOf(document)).isEqualTo(5);
        given().auth().oauth2(Tokens.issuer("TEST-A")).get("/api/v1/certificate-batches/" + id)
                .then().statusCode(200).body("status", equalTo("COMPLETED")).body("issued", equalTo(5));
    }

    @Test
    void the_same_key_with_another_body_is_a_422() {
        String key = UUID.randomUUID().toString();
        batch(key, Registers.document("TEST-A", 2)).then().statusCode(201);
        batch(key, Registers.document("TEST-A", 2)).then().statusCode(422).contentType(PROBLEM)
                .body("type", equalTo("/problems/idempotency-key-reused"));
    }

    @Test
    void a_second_batch_of_an_issued_document_is_refused_and_issues_nothing() {
        long document = Registers.document("TEST-A", 3);
        batch(UUID.randomUUID().toString(), document).then().statusCode(201);
        batch(UUID.randomUUID().toString(), document).then().statusCode(409).contentType(PROBLEM)
                .body("type", equalTo("/problems/already-issued"));
        assertThat(certificatesOf(document)).isEqualTo(3);
    }

    @Test
    void a_request_while_the_first_with_the_same_key_still_runs_is_a_409() throws Exception {
        long document = Registers.document("TEST-A", 4000);
        String key = UUID.randomUUID().toString();
        CompletableFuture<Response> first = CompletableFuture.supplyAsync(() -> batch(key, document));
        long id = waitForBatch(key);
        // progress is published every 1000 certificates from inside the running transaction
        long deadline = System.currentTimeMillis() + 60_000;
        while (Database.count("SELECT issued FROM certificate_batch WHERE id = " + id) < 1000 && !first.isDone()
                && System.currentTimeMillis() < deadline) {
            Thread.sleep(20);
        }
        assertThat(first.isDone()).as("the first request is still running").isFalse();

        batch(key, document).then().statusCode(409).contentType(PROBLEM).body("type", equalTo("/problems/batch-running"));

        first.get().then().statusCode(201).body("issued", equalTo(4000));
        assertThat(certificatesOf(document)).isEqualTo(4000);
    }

    @Test
    void a_failure_in_the_middle_leaves_no_certificate_of_the_batch_and_a_retry_completes_it() throws SQLException {
        long document = Registers.document("TEST-A", 50);
        Database.update("UPDATE qualification_document_entry SET name = 'FAIL-ME' WHERE document_id = " + document + " AND position = 37");
        Database.update("""
                CREATE OR REPLACE FUNCTION test_fail_batch() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN IF NEW.holder_name = 'FAIL-ME' THEN RAISE EXCEPTION 'injected failure'; END IF; RETURN NEW; END; $$""");
        Database.update("CREATE TRIGGER test_fail_batch BEFORE INSERT ON certificate FOR EACH ROW EXECUTE FUNCTION test_fail_batch()");
        String key = UUID.randomUUID().toString();
        long audit = Database.count("SELECT count(*) FROM audit_entry");
        try {
            batch(key, document).then().statusCode(500).contentType(PROBLEM);
            assertThat(certificatesOf(document)).isZero();
            assertThat(Database.string("SELECT status FROM certificate_batch WHERE idem_key = '" + key + "'")).isEqualTo("FAILED");
            assertThat(Database.count("SELECT count(*) FROM audit_entry")).isEqualTo(audit);
        } finally {
            Database.update("DROP TRIGGER test_fail_batch ON certificate");
        }
        batch(key, document).then().statusCode(201).body("issued", equalTo(50));
        assertThat(certificatesOf(document)).isEqualTo(50);
    }

    @Test
    void bad_requests_get_clear_problems() {
        long document = Registers.document("TEST-A", 1);
        given().auth().oauth2(Tokens.issuer("TEST-A")).contentType(ContentType.JSON).body(Map.of("documentId", document))
                .post("/api/v1/certificate-batches").then().statusCode(422).contentType(PROBLEM)
                .body("'invalid-params'[0].name", equalTo("Idempotency-Key"));
        batch(UUID.randomUUID().toString(), 987654321L).then().statusCode(422).contentType(PROBLEM)
                .body("'invalid-params'[0].name", equalTo("documentId"));
        given().auth().oauth2(Tokens.issuer("TEST-B")).header("Idempotency-Key", UUID.randomUUID().toString())
                .contentType(ContentType.JSON).body(Map.of("documentId", document))
                .post("/api/v1/certificate-batches").then().statusCode(422).contentType(PROBLEM);
        given().auth().oauth2(Tokens.withRole("registrar", "TEST-A")).header("Idempotency-Key", "k").contentType(ContentType.JSON)
                .body(Map.of("documentId", document)).post("/api/v1/certificate-batches").then().statusCode(403);
        given().auth().oauth2(Tokens.issuer("TEST-B")).get("/api/v1/certificate-batches/1").then().statusCode(404).contentType(PROBLEM);
        assertThat(certificatesOf(document)).isZero();
    }

    private static Response batch(String key, long document) {
        return given().auth().oauth2(Tokens.issuer("TEST-A")).header("Idempotency-Key", key).contentType(ContentType.JSON)
                .body(Map.of("documentId", document)).post("/api/v1/certificate-batches");
    }

    private static long certificatesOf(long document) {
        return Database.count("SELECT count(*) FROM certificate c JOIN qualification_document_entry e ON e.id = c.document_entry_id"
                + " WHERE e.document_id = " + document);
    }

    private static long waitForBatch(String key) throws InterruptedException {
        for (int i = 0; i < 1000; i++) {
            String id = Database.string("SELECT id FROM certificate_batch WHERE idem_key = '" + key + "'");
            if (id != null) {
                return Long.parseLong(id);
            }
            Thread.sleep(10);
        }
        throw new AssertionError("the batch never appeared");
    }
}
