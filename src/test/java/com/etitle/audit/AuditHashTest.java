package com.etitle.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;

import org.junit.jupiter.api.Test;

import com.etitle.crypto.Hashes;
import com.etitle.crypto.Jcs;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Entries already in the chain were hashed as the JCS form of a Jackson tree of their fields; the hash the
 * audit log now writes member by member must be the same for every entry, or the checker would call an
 * intact chain broken.
 */
class AuditHashTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    @Test
    void an_entry_hashes_as_the_canonical_tree_of_its_fields() {
        AuditEntry entry = entry("issuer-1", "TEST-A", "certificate.issued", "20261234567890128",
                "{\"batch\":12,\"keyId\":\"TEST-A-v1\",\"qualificationDocument\":\"示人社职〔2026〕12号\"}");

        assertThat(AuditLog.hash(entry)).isEqualTo(treeHash(entry));
    }

    @Test
    void an_entry_with_escapes_non_ascii_and_no_authority_hashes_as_the_canonical_tree_of_its_fields() {
        AuditEntry entry = entry("张三 \"admin\" \\ \u0001\n", null, "key.registered", "</script>\u2028 😀", "{}");

        assertThat(AuditLog.hash(entry)).isEqualTo(treeHash(entry));
    }

    @Test
    void a_changed_field_changes_the_hash() {
        AuditEntry entry = entry("issuer-1", "TEST-A", "certificate.issued", "20261234567890128", "{}");
        String before = AuditLog.hash(entry);
        entry.subject = "20261234567890136";

        assertThat(AuditLog.hash(entry)).isNotEqualTo(before);
    }

    private static AuditEntry entry(String actor, String authorityCode, String action, String subject, String detail) {
        AuditEntry entry = new AuditEntry();
        entry.occurredAt = Instant.parse("2026-07-02T01:02:03.123456Z").truncatedTo(ChronoUnit.MICROS);
        entry.actor = actor;
        entry.authorityCode = authorityCode;
        entry.action = action;
        entry.subject = subject;
        entry.detail = detail;
        entry.previousHash = "ab".repeat(32);
        return entry;
    }

    /** The hash as AuditLog computed it before it wrote the canonical form itself. */
    private static String treeHash(AuditEntry entry) {
        ObjectNode node = MAPPER.createObjectNode();
        node.put("occurredAt", entry.occurredAt.truncatedTo(ChronoUnit.MICROS).toString());
        node.put("actor", entry.actor);
        node.put("authorityCode", entry.authorityCode);
        node.put("action", entry.action);
        node.put("subject", entry.subject);
        node.put("detail", entry.detail);
        node.put("previousHash", entry.previousHash);
        return HexFormat.of().formatHex(Hashes.sha256(Jcs.canonicalize(node)));
    }
}
