package com.etitle.audit;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import com.etitle.crypto.Hashes;
import com.etitle.crypto.Jcs;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Appends to the hash-chained audit table inside the caller's transaction, so an entry exists exactly
 * when the change it records was committed. Appends are serialised by a transaction-scoped advisory
 * lock: two writers can never chain onto the same predecessor, across any number of replicas.
 */
@ApplicationScoped
public class AuditLog {

    static final String GENESIS = "0".repeat(64);
    /** Arbitrary constant naming "the audit chain" among advisory locks. */
    private static final long CHAIN_LOCK = 0x6175646974L;

    private final EntityManager em;
    private final Clock clock;
    private final ObjectMapper mapper;

    AuditLog(EntityManager em, Clock clock, ObjectMapper mapper) {
        this.em = em;
        this.clock = clock;
        this.mapper = mapper;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public AuditEntry append(String actor, String authorityCode, String action, String subject, Map<String, ?> detail) {
        em.createNativeQuery("SELECT pg_advisory_xact_lock(?1)").setParameter(1, CHAIN_LOCK).getSingleResult();
        List<?> last = em.createNativeQuery("SELECT entry_hash FROM audit_entry ORDER BY id DESC LIMIT 1").getResultList();
        String previous = last.isEmpty() ? GENESIS : (String) last.get(0);
        AuditEntry entry = new AuditEntry();
        // PostgreSQL keeps microseconds; hashing a finer instant would make the chain unverifiable.
        entry.occurredAt = clock.instant().truncatedTo(ChronoUnit.MICROS);
        entry.actor = actor;
        entry.authorityCode = authorityCode;
        entry.action = action;
        entry.subject = subject;
        entry.detail = new String(Jcs.canonicalize(mapper.valueToTree(detail)), StandardCharsets.UTF_8);
        entry.previousHash = previous;
        entry.entryHash = hash(entry);
        entry.persist();
        return entry;
    }

    /** One change to record, for {@link #appendAll}. */
    public record Event(String actor, String authorityCode, String action, String subject, Map<String, ?> detail) {
    }

    /**
     * Appends many entries at once, chained in list order, with one JDBC batch: the bulk twin of
     * {@link #append}, for batch issuance, where one round trip per entry would dominate the cost.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void appendAll(List<Event> events) {
        if (events.isEmpty()) {
            return;
        }
        em.createNativeQuery("SELECT pg_advisory_xact_lock(?1)").setParameter(1, CHAIN_LOCK).getSingleResult();
        List<?> last = em.createNativeQuery("SELECT entry_hash FROM audit_entry ORDER BY id DESC LIMIT 1").getResultList();
        String previous = last.isEmpty() ? GENESIS : (String) last.get(0);
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        List<AuditEntry> entries = new java.util.ArrayList<>(events.size());
        Map<String, ?> lastDetail = null;
        String lastCanonical = null;
        for (Event event : events) {
            // a batch passes one detail map for all its events: canonicalise it once
            if (event.detail() != lastDetail) {
                lastDetail = event.detail();
                lastCanonical = new String(Jcs.canonicalize(mapper.valueToTree(lastDetail)), StandardCharsets.UTF_8);
            }
            AuditEntry entry = new AuditEntry();
            entry.occurredAt = now;
            entry.actor = event.actor();
            entry.authorityCode = event.authorityCode();
            entry.action = event.action();
            entry.subject = event.subject();
            entry.detail = lastCanonical;
            entry.previousHash = previous;
            entry.entryHash = hash(entry);
            previous = entry.entryHash;
            entries.add(entry);
        }
        em.unwrap(org.hibernate.Session.class).doWork(connection -> {
            try (java.sql.PreparedStatement insert = connection.prepareStatement("""
                    INSERT INTO audit_entry (occurred_at, actor, authority_code, action, subject, detail, previous_hash, entry_hash)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")) {
                for (AuditEntry e : entries) {
                    insert.setObject(1, java.time.OffsetDateTime.ofInstant(e.occurredAt, java.time.ZoneOffset.UTC));
                    insert.setString(2, e.actor);
                    insert.setString(3, e.authorityCode);
                    insert.setString(4, e.action);
                    insert.setString(5, e.subject);
                    insert.setString(6, e.detail);
                    insert.setString(7, e.previousHash);
                    insert.setString(8, e.entryHash);
                    insert.addBatch();
                }
                insert.executeBatch();
            }
        });
    }

    /**
     * The hash of an entry: SHA-256 of the JCS form of all its fields, the predecessor's hash included. Written
     * member by member in canonical order (a batch hashes one entry per certificate); AuditHashTest pins it to
     * the JCS of the same fields as a tree, which is how entries already in the chain were hashed.
     */
    static String hash(AuditEntry entry) {
        byte[] canonical = new Jcs.Writer().beginObject()
                .member("action", entry.action)
                .member("actor", entry.actor)
                .member("authorityCode", entry.authorityCode)
                .member("detail", entry.detail)
                .member("occurredAt", format(entry.occurredAt))
                .member("previousHash", entry.previousHash)
                .member("subject", entry.subject)
                .end().toBytes();
        return java.util.HexFormat.of().formatHex(Hashes.sha256(canonical));
    }

    private static String format(Instant instant) {
        return instant.truncatedTo(ChronoUnit.MICROS).toString();
    }
}
