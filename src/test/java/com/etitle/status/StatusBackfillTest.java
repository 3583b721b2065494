package com.etitle.status;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.etitle.support.Api;
import com.etitle.support.Database;
import com.etitle.support.Requests;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/** Certificates issued before status lists existed get an entry and a re-signed credential. */
@QuarkusTest
class StatusBackfillTest {

    @Inject
    StatusBackfill backfill;

    @Test
    void a_certificate_without_a_status_entry_gets_one_and_its_new_credential_verifies() throws SQLException {
        JsonPath issued = Api.issue("TEST-A", Requests.engineer());
        String number = issued.getString("number");
        String oldCredential = Database.string("SELECT credential FROM certificate WHERE number = '" + number + "'");
        // make it look like a certificate of the first release: no slot, no credentialStatus
        Database.update("UPDATE certificate SET status_list_id = NULL, status_list_index = NULL,"
                + " credential = (credential::jsonb - 'credentialStatus')::text WHERE number = '" + number + "'");

        assertThat(backfill.run()).isGreaterThanOrEqualTo(1);

        String credential = Database.string("SELECT credential FROM certificate WHERE number = '" + number + "'");
        assertThat(credential).isNotEqualTo(oldCredential).contains("\"credentialStatus\"").contains("BitstringStatusListEntry");
        assertThat(Database.count("SELECT count(*) FROM certificate WHERE status_list_id IS NULL")).isZero();
        Map<String, Object> body = Map.of("credential", new io.restassured.path.json.JsonPath(credential).getMap(""));
        assertThat(Api.verify(body).getString("result")).isEqualTo("VALID");
        assertThat(Database.count("SELECT count(*) FROM audit_entry WHERE action = 'certificate.status-entry-added' AND subject = '"
                + number + "'")).isEqualTo(1);
    }

    @Test
    void when_every_certificate_has_an_entry_there_is_nothing_to_do() {
        backfill.run();
        assertThat(backfill.run()).isZero();
    }
}
