package com.etitle.audit;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.etitle.support.Api;
import com.etitle.support.Database;
import com.etitle.support.Problems;
import com.etitle.support.Requests;
import com.etitle.support.Tokens;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/**
 * The audit check against rows altered the way only a database superuser can alter them: with the
 * append-only trigger switched off. Every test puts the row back in a finally block, because other test
 * classes in this JVM rely on an intact chain.
 */
@QuarkusTest
class AuditCheckTest {

    private static final String CHECKS = "/api/v1/audit-checks";

    @Inject
    AuditChecker checker;

    @Inject
    ObjectMapper mapper;

    @Test
    void an_untouched_chain_is_intact() {
        Api.issue("TEST-A", Requests.engineer());

        Response response = given().auth().oauth2(Tokens.issuer("TEST-A")).when().post(CHECKS);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.header("Cache-Control")).isEqualTo("no-store");
        ChainCheck check = read(response);
        assertThat(check.intact()).isTrue();
        assertThat(check.firstBreak()).isNull();
        assertThat(check.entriesChecked()).isEqualTo(Database.count("SELECT count(*) FROM audit_entry WHERE id <= " + check.lastEntryId()));
        assertThat(check.lastEntryHash()).isEqualTo(Database.string("SELECT entry_hash FROM audit_entry WHERE id = " + check.lastEntryId()));
    }

    @ParameterizedTest
    @ValueSource(strings = {"detail", "actor"})
    void a_row_changed_in_place_is_named_with_hash_mismatch(String column) {
        String number = Api.issue("TEST-A", Requests.engineer()).getString("number");
        Api.issue("TEST-A", Requests.engineer()); // the altered row is not the newest: its successor still links to it
        long altered = auditEntryOf(number);
        String original = Database.string("SELECT " + column + " FROM audit_entry WHERE id = " + altered);
        assertThat(viaApi().intact()).as("before the change").isTrue();

        ChainCheck check;
        try {
            Database.rewriteAuditEntry(altered, Map.of(column, column.equals("detail") ? "{\"forged\":true}" : "someone else"));
            check = viaApi();
        } finally {
            Database.rewriteAuditEntry(altered, Map.of(column, original));
        }

        assertThat(check.intact()).isFalse();
        assertThat(check.firstBreak()).isEqualTo(new ChainCheck.Break(altered, check.firstBreak().occurredAt(), "certificate.issued", number,
                ChainCheck.Defect.HASH_MISMATCH));
        assertThat(check.lastEntryHash()).isNull();
        assertThat(viaApi().intact()).as("once the row is put back").isTrue();
    }

    @Test
    void a_row_rewritten_with_a_matching_hash_breaks_the_link_of_the_next_row() {
        String number = Api.issue("TEST-A", Requests.engineer()).getString("number");
        String nextNumber = Api.issue("TEST-A", Requests.engineer()).getString("number");
        long altered = auditEntryOf(number);
        long next = auditEntryOf(nextNumber);
        assertThat(Database.count("SELECT min(id) FROM audit_entry WHERE id > " + altered)).as("the row after").isEqualTo(next);

        ChainCheck check;
        Map<String, String> original = rewriteConsistently(altered, "{\"forged\":true}");
        try {
            check = viaApi();
        } finally {
            Database.rewriteAuditEntry(altered, original);
        }

        assertThat(check.intact()).isFalse();
        assertThat(check.firstBreak()).isEqualTo(new ChainCheck.Break(next, check.firstBreak().occurredAt(), "certificate.issued", nextNumber,
                ChainCheck.Defect.LINK_BROKEN));
        assertThat(viaApi().intact()).as("once the row is put back").isTrue();
    }

    /** With a page of one entry every link crosses a page boundary, so the predecessor's hash must be carried over. */
    @Test
    void the_verdict_does_not_depend_on_the_page_size() {
        String number = Api.issue("TEST-A", Requests.engineer()).getString("number");
        String nextNumber = Api.issue("TEST-A", Requests.engineer()).getString("number");
        long altered = auditEntryOf(number);
        long next = auditEntryOf(nextNumber);
        ChainCheck intact = withoutTime(checker.verifyChain());
        assertThat(intact.intact()).isTrue();
        for (int pageSize : new int[] {1, 2, 3, 1000}) {
            assertThat(withoutTime(checker.verifyChain(pageSize))).as("intact, page size %d", pageSize).isEqualTo(intact);
        }

        Map<String, String> original = rewriteConsistently(altered, "{\"forged\":true}");
        try {
            for (int pageSize : new int[] {1, 2, 3, 1000}) {
                ChainCheck check = checker.verifyChain(pageSize);
                assertThat(check.intact()).as("page size %d", pageSize).isFalse();
                assertThat(check.firstBreak().entryId()).as("page size %d", pageSize).isEqualTo(next);
                assertThat(check.firstBreak().defect()).isEqualTo(ChainCheck.Defect.LINK_BROKEN);
                assertThat(check.entriesChecked()).isEqualTo(Database.count("SELECT count(*) FROM audit_entry WHERE id <= " + next));
            }
        } finally {
            Database.rewriteAuditEntry(altered, original);
        }
    }

    @Test
    void a_break_in_another_authority_s_entry_is_located_without_naming_its_subject() {
        String number = Api.issue("TEST-B", Requests.engineer()).getString("number");
        Api.issue("TEST-B", Requests.engineer());
        long altered = auditEntryOf(number);
        String original = Database.string("SELECT detail FROM audit_entry WHERE id = " + altered);

        ChainCheck seenByOther;
        ChainCheck seenByOwner;
        try {
            Database.rewriteAuditEntry(altered, Map.of("detail", "{\"forged\":true}"));
            seenByOther = viaApi("TEST-A");
            seenByOwner = viaApi("TEST-B");
        } finally {
            Database.rewriteAuditEntry(altered, Map.of("detail", original));
        }

        assertThat(seenByOther.intact()).isFalse();
        assertThat(seenByOther.firstBreak()).isEqualTo(new ChainCheck.Break(altered, seenByOther.firstBreak().occurredAt(), "certificate.issued",
                null, ChainCheck.Defect.HASH_MISMATCH));
        assertThat(seenByOwner.firstBreak()).isEqualTo(new ChainCheck.Break(altered, seenByOwner.firstBreak().occurredAt(), "certificate.issued",
                number, ChainCheck.Defect.HASH_MISMATCH));
    }

    // --- who may run it

    @Test
    void an_issuer_and_a_registrar_may_run_the_check() {
        given().auth().oauth2(Tokens.issuer("TEST-A")).when().post(CHECKS).then().statusCode(200);
        given().auth().oauth2(Tokens.withRole("registrar", "TEST-B")).when().post(CHECKS).then().statusCode(200);
    }

    @Test
    void a_request_without_a_token_is_unauthenticated() {
        Problems.assertProblem(given().when().post(CHECKS), 401, "/problems/unauthenticated");
    }

    @Test
    void a_holder_is_forbidden() {
        Problems.assertProblem(given().auth().oauth2(Tokens.withRole("holder", "TEST-A")).when().post(CHECKS), 403, "/problems/forbidden");
    }

    @Test
    void an_issuer_of_an_unregistered_authority_is_forbidden() {
        Problems.assertProblem(given().auth().oauth2(Tokens.issuer("TEST-UNREGISTERED")).when().post(CHECKS), 403, "/problems/forbidden");
    }

    // --- helpers

    private ChainCheck viaApi() {
        return viaApi("TEST-A");
    }

    private ChainCheck viaApi(String authority) {
        Response response = given().auth().oauth2(Tokens.issuer(authority)).when().post(CHECKS);
        assertThat(response.statusCode()).as(response.asString()).isEqualTo(200);
        return read(response);
    }

    private ChainCheck read(Response response) {
        try {
            return mapper.readValue(response.asString(), ChainCheck.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static long auditEntryOf(String certificateNumber) {
        return Database.count("SELECT id FROM audit_entry WHERE action = 'certificate.issued' AND subject = '" + certificateNumber + "'");
    }

    /**
     * Replaces the entry's detail and gives it the hash of its new content, as a forger who knows the scheme
     * would; only the successor's link can then give it away. Returns the original values, to put back.
     */
    private Map<String, String> rewriteConsistently(long id, String detail) {
        AuditEntry entry = QuarkusTransaction.requiringNew().call(() -> AuditEntry.<AuditEntry>findById(id));
        Map<String, String> original = Map.of("detail", entry.detail, "entry_hash", entry.entryHash);
        entry.detail = detail; // a detached copy: only the JDBC rewrite below reaches the database
        String forgedHash = AuditLog.hash(entry);
        Database.rewriteAuditEntry(id, Map.of("detail", detail, "entry_hash", forgedHash));
        return original;
    }

    private static ChainCheck withoutTime(ChainCheck check) {
        return new ChainCheck(check.intact(), check.entriesChecked(), check.lastEntryId(), check.lastEntryHash(), check.firstBreak(), null);
    }
}
