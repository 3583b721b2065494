package com.etitle.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.SQLException;

import org.junit.jupiter.api.Test;

import com.etitle.support.Api;
import com.etitle.support.Database;
import com.etitle.support.Requests;

import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class AuditTrailTest {

    @Test
    void issuing_records_who_what_when_and_chains_onto_the_previous_entry() {
        String number = Api.issue("TEST-A", Requests.engineer()).getString("number");

        String where = " FROM audit_entry WHERE action = 'certificate.issued' AND subject = '" + number + "'";
        assertThat(Database.string("SELECT actor" + where)).isEqualTo("officer-TEST-A@TEST-A");
        assertThat(Database.string("SELECT authority_code" + where)).isEqualTo("TEST-A");
        assertThat(Database.count("SELECT count(*)" + where + " AND occurred_at > now() - interval '1 minute'")).isEqualTo(1);
        String previous = Database.string("SELECT previous_hash" + where);
        long id = Database.count("SELECT id" + where);
        assertThat(previous).isEqualTo(Database.string("SELECT entry_hash FROM audit_entry WHERE id < " + id + " ORDER BY id DESC LIMIT 1"));
    }

    @Test
    void every_entry_links_to_its_predecessor() {
        Api.issue("TEST-A", Requests.engineer());
        long broken = Database.count("""
                SELECT count(*) FROM (
                  SELECT previous_hash, lag(entry_hash) OVER (ORDER BY id) AS before, id, min(id) OVER () AS first FROM audit_entry
                ) chain WHERE id <> first AND previous_hash <> before""");
        assertThat(broken).isZero();
    }

    @Test
    void the_audit_table_refuses_updates_and_deletes() {
        Api.issue("TEST-A", Requests.engineer());
        assertThatThrownBy(() -> Database.update("UPDATE audit_entry SET actor = 'someone else'"))
                .isInstanceOf(SQLException.class).hasMessageContaining("append-only");
        assertThatThrownBy(() -> Database.update("DELETE FROM audit_entry"))
                .isInstanceOf(SQLException.class).hasMessageContaining("append-only");
    }
}
