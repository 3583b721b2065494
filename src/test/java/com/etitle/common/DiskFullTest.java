package com.etitle.common;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.etitle.support.Database;
import com.etitle.support.Problems;
import com.etitle.support.Registers;
import com.etitle.support.Requests;
import com.etitle.support.Tokens;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

/**
 * A disk cannot be filled safely here, so PostgreSQL is made to answer an insert the way it does when the disk is
 * full (SQLState 53100), by a trigger that fires only for this test's rows; the service must answer 503 with
 * Retry-After and write nothing, and issue normally once the trigger is gone.
 */
@QuarkusTest
class DiskFullTest {

    private static final String FULL = "盘满";

    @AfterEach
    void theDiskHasRoomAgain() throws SQLException {
        Database.update("DROP TRIGGER IF EXISTS disk_full_test ON certificate");
        Database.update("DROP FUNCTION IF EXISTS disk_full_test()");
    }

    @Test
    void an_issuance_the_disk_cannot_hold_answers_503_with_retry_after_and_writes_nothing() throws SQLException {
        diskFullFor("NEW.holder_name = '" + FULL + "'");
        long issuedBefore = issuedAuditEntries();
        long fullBefore = Database.count("SELECT count(*) FROM certificate WHERE holder_name = '" + FULL + "'");

        Response refused = issue(Requests.with("holderName", FULL));

        Problems.assertProblem(refused, 503, "/problems/database-unavailable");
        assertThat(refused.header("Retry-After")).isEqualTo(String.valueOf(DatabaseFaults.RETRY_AFTER_SECONDS));
        assertThat(Database.count("SELECT count(*) FROM certificate WHERE holder_name = '" + FULL + "'")).isEqualTo(fullBefore);
        assertThat(issuedAuditEntries()).as("no audit entry for what was not written").isEqualTo(issuedBefore);
        assertThat(issue(Requests.engineer()).statusCode()).as("rows the disk can hold are still written").isEqualTo(201);
    }

    @Test
    void once_the_disk_has_room_the_same_issuance_is_written() throws SQLException {
        diskFullFor("NEW.holder_name = '" + FULL + "'");
        assertThat(issue(Requests.with("holderName", FULL)).statusCode()).isEqualTo(503);
        theDiskHasRoomAgain();

        Response issued = issue(Requests.with("holderName", FULL));

        assertThat(issued.statusCode()).as(issued.asString()).isEqualTo(201);
        assertThat(Database.count("SELECT count(*) FROM certificate WHERE number = '" + issued.path("number") + "'")).isOne();
    }

    @Test
    void a_batch_the_disk_cannot_hold_answers_503_and_leaves_none_of_its_certificates() throws SQLException {
        long document = Registers.document("TEST-A", 50);
        diskFullFor("NEW.document_entry_id IN (SELECT id FROM qualification_document_entry WHERE document_id = " + document + ")");

        Response refused = batch(document);

        Problems.assertProblem(refused, 503, "/problems/database-unavailable");
        assertThat(refused.header("Retry-After")).isNotBlank();
        assertThat(certificatesOf(document)).isZero();
        theDiskHasRoomAgain();
        assertThat(batch(document).statusCode()).isEqualTo(201);
        assertThat(certificatesOf(document)).isEqualTo(50);
    }

    /** PostgreSQL raises 53100 (disk_full) for an insert into certificate that meets the condition. */
    private static void diskFullFor(String condition) throws SQLException {
        Database.update("""
                CREATE FUNCTION disk_full_test() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    IF %s THEN
                        RAISE EXCEPTION 'could not extend file: No space left on device' USING ERRCODE = '53100';
                    END IF;
                    RETURN NEW;
                END $$""".formatted(condition));
        Database.update("CREATE TRIGGER disk_full_test BEFORE INSERT ON certificate FOR EACH ROW EXECUTE FUNCTION disk_full_test()");
    }

    private static Response issue(Map<String, Object> body) {
        return given().auth().oauth2(Tokens.issuer("TEST-A")).contentType(ContentType.JSON).body(body).post("/api/v1/certificates");
    }

    private static Response batch(long document) {
        return given().auth().oauth2(Tokens.issuer("TEST-A")).contentType(ContentType.JSON).header("Idempotency-Key", UUID.randomUUID().toString())
                .body(Map.of("documentId", document)).post("/api/v1/certificate-batches");
    }

    private static long issuedAuditEntries() {
        return Database.count("SELECT count(*) FROM audit_entry WHERE action = 'certificate.issued'");
    }

    private static long certificatesOf(long document) {
        return Database.count("SELECT count(*) FROM certificate c JOIN qualification_document_entry e ON e.id = c.document_entry_id"
                + " WHERE e.document_id = " + document);
    }
}
