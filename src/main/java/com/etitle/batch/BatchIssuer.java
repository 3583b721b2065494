package com.etitle.batch;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.hibernate.Session;

import com.etitle.audit.AuditLog;
import com.etitle.authority.Authority;
import com.etitle.authority.AuthoritySigner;
import com.etitle.certificate.AcquisitionRoute;
import com.etitle.certificate.Certificate;
import com.etitle.certificate.CertificateNumbers;
import com.etitle.certificate.CertificateService;
import com.etitle.certificate.CredentialFactory;
import com.etitle.certificate.EffectiveScope;
import com.etitle.certificate.Level;
import com.etitle.certificate.PromotionType;
import com.etitle.certificate.StatusSlots;
import com.etitle.certificate.ValidIssue;
import com.etitle.common.ClockProducer;
import com.etitle.common.Metrics;
import com.etitle.common.ProblemException;
import com.etitle.common.ProblemType;
import com.etitle.crypto.DataIntegrity;
import com.etitle.qualification.QualificationDocument;

import io.micrometer.core.instrument.Counter;
import io.quarkus.narayana.jta.runtime.TransactionConfiguration;
import io.quarkus.runtime.Startup;

/**
 * Issues every entry of a qualification document in ONE transaction: all certificates of a batch are
 * committed together or not at all, so a crash (even SIGKILL) leaves none. A transaction-scoped advisory
 * lock on the batch marks "running": a second request with the same key sees it held and answers 409;
 * after a crash the database drops the lock with the dead connection and a retry simply runs again.
 * The unique index on certificate.document_entry_id makes "one certificate per entry" hold whatever
 * happens. Rows go in with JDBC batches; the audit chain gets one entry per certificate, in bulk.
 */
@ApplicationScoped
// made at start, so that its series are exported (from zero) before the first request counts
@Startup
public class BatchIssuer {

    private static final org.jboss.logging.Logger LOG = org.jboss.logging.Logger.getLogger(BatchIssuer.class);
    private static final long LOCK_SPACE = 0x6261746368L << 20;
    private static final int PROGRESS_EVERY = 1000;

    private final EntityManager em;
    private final Clock clock;
    private final AuthoritySigner signer;
    private final StatusSlots statusSlots;
    private final CertificateService certificates;
    private final CredentialFactory credentials;
    private final AuditLog audit;
    private final BatchLedger ledger;
    private final Metrics metrics;
    private final Counter issued;

    BatchIssuer(EntityManager em, Clock clock, AuthoritySigner signer, StatusSlots statusSlots, CertificateService certificates,
            CredentialFactory credentials, AuditLog audit, BatchLedger ledger, Metrics metrics) {
        this.metrics = metrics;
        this.issued = metrics.batchCertificates();
        this.em = em;
        this.clock = clock;
        this.signer = signer;
        this.statusSlots = statusSlots;
        this.certificates = certificates;
        this.credentials = credentials;
        this.audit = audit;
        this.ledger = ledger;
    }

    @Transactional
    @TransactionConfiguration(timeout = 1800)
    public BatchView run(long batchId, String actor) {
        long begun = System.nanoTime();
        boolean mine = (Boolean) em.createNativeQuery("SELECT pg_try_advisory_xact_lock(?1)").setParameter(1, LOCK_SPACE + batchId)
                .getSingleResult();
        if (!mine) {
            throw new ProblemException(ProblemType.BATCH_RUNNING, "detail.batch.running");
        }
        CertificateBatch batch = em.find(CertificateBatch.class, batchId);
        em.refresh(batch);
        if (batch.status == BatchStatus.COMPLETED) {
            return BatchView.of(batch);
        }
        QualificationDocument document = batch.document;
        List<Entry> entries = entries(document);
        long already = em.createQuery("select count(c) from Certificate c where c.documentEntryId in"
                + " (select e.id from QualificationDocumentEntry e where e.document = ?1)", Long.class)
                .setParameter(1, document).getSingleResult();
        if (already > 0) {
            throw new ProblemException(ProblemType.ALREADY_ISSUED, "detail.batch.already-issued", already, document.documentNumber);
        }
        long started = System.nanoTime();
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        LocalDate today = now.atZone(ClockProducer.CHINA).toLocalDate();
        AuthoritySigner.Signing signing = signer.current(batch.authority);
        List<StatusSlots.Slot> slots = statusSlots.allocate(batch.authority, entries.size());
        List<String> numbers = freshNumbers(entries.size(), today.getYear());
        // Signing is the CPU-bound part: build on every core. Nothing below touches the persistence context;
        // the entities it reads are detached copies made here on the request thread.
        Authority issuer = detached(batch.authority);
        DataIntegrity.ProofOptions proofs = credentials.proofOptions(signing, now);
        // the same for every certificate of the batch: one map, which the audit log canonicalises once
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("keyId", signing.key().kid);
        detail.put("batch", batchId);
        detail.put("qualificationDocument", document.documentNumber);
        Map<String, Object> sharedDetail = java.util.Collections.unmodifiableMap(detail);
        long prepared = System.nanoTime();
        Certificate[] made = new Certificate[entries.size()];
        AuditLog.Event[] events = new AuditLog.Event[entries.size()];
        java.util.concurrent.atomic.AtomicInteger done = new java.util.concurrent.atomic.AtomicInteger();
        java.util.stream.IntStream.range(0, entries.size()).parallel().forEach(i -> {
            Certificate c = certificates.signed(entries.get(i).facts(), issuer, signing, proofs, slots.get(i), numbers.get(i), now);
            made[i] = c;
            events[i] = new AuditLog.Event(actor, issuer.code, "certificate.issued", c.number, sharedDetail);
            int count = done.incrementAndGet();
            if (count % PROGRESS_EVERY == 0) {
                ledger.progress(batchId, count);
            }
        });
        long signed = System.nanoTime();
        insert(List.of(made), batchId, entries);
        long stored = System.nanoTime();
        audit.appendAll(List.of(events));
        LOG.infof("Batch %d: %d certificates; entries %d ms, slots and numbers %d ms, signing %d ms, insert %d ms, audit %d ms", batchId,
                made.length, (started - begun) / 1_000_000, (prepared - started) / 1_000_000, (signed - prepared) / 1_000_000,
                (stored - signed) / 1_000_000, (System.nanoTime() - stored) / 1_000_000);
        batch.status = BatchStatus.COMPLETED;
        batch.issued = made.length;
        batch.error = null;
        batch.completedAt = clock.instant();
        audit.append(actor, batch.authority.code, "batch.completed", "batch-" + batchId,
                Map.of("qualificationDocument", document.documentNumber, "certificates", made.length));
        int count = made.length;
        metrics.afterCommit(() -> issued.increment(count));
        return BatchView.of(batch);
    }

    /** An entry of the document: its id and what its certificate takes from it. */
    private record Entry(long id, ValidIssue facts) {
    }

    /**
     * The entries in document order, read with plain JDBC: thousands of managed entities took longer to load
     * (and to dirty-check at every flush) than to sign. seed 001 §四(五): the qualification counts from the
     * vote date, never from the document date.
     */
    private List<Entry> entries(QualificationDocument document) {
        String committee = document.committee.name;
        List<Entry> entries = new ArrayList<>();
        em.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement select = connection.prepareStatement("""
                    SELECT id, name, holder_id_number, work_unit, series, specialty, level, qualification_name, effective_scope,
                        promotion_type
                    FROM qualification_document_entry WHERE document_id = ? ORDER BY position""")) {
                select.setLong(1, document.id);
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        entries.add(new Entry(rows.getLong(1), new ValidIssue(rows.getString(2), rows.getString(3), rows.getString(4),
                                rows.getString(5), rows.getString(6), Level.valueOf(rows.getString(7)), rows.getString(8),
                                EffectiveScope.valueOf(rows.getString(9)), AcquisitionRoute.EVALUATION, PromotionType.valueOf(rows.getString(10)),
                                committee, document.documentNumber, document.voteDate)));
                    }
                }
            }
        });
        return entries;
    }

    private static Authority detached(Authority managed) {
        Authority copy = new Authority();
        copy.id = managed.id;
        copy.code = managed.code;
        copy.name = managed.name;
        copy.region = managed.region;
        copy.algorithm = managed.algorithm;
        copy.creditCode = managed.creditCode;
        return copy;
    }

    private void insert(List<Certificate> made, long batchId, List<Entry> entries) {
        em.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement insert = connection.prepareStatement("""
                    INSERT INTO certificate (number, licence_id, verification_code, authority_id, signing_key_id, holder_name,
                        holder_id_number, holder_id_hash, work_unit, series, specialty, level, qualification_name, effective_scope,
                        acquisition_route, promotion_type, committee_name, approval_document_number, qualification_date, issue_date,
                        issued_at, status, credential, token, status_list_id, status_list_index, batch_id, document_entry_id)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")) {
                for (int i = 0; i < made.size(); i++) {
                    Certificate c = made.get(i);
                    int p = 1;
                    insert.setString(p++, c.number);
                    insert.setString(p++, c.licenceId);
                    insert.setString(p++, c.verificationCode);
                    insert.setLong(p++, c.authority.id);
                    insert.setLong(p++, c.signingKey.id);
                    insert.setString(p++, c.title.holderName);
                    insert.setString(p++, c.title.holderIdNumber);
                    insert.setString(p++, c.holderIdHash);
                    insert.setString(p++, c.title.workUnit);
                    insert.setString(p++, c.title.series);
                    insert.setString(p++, c.title.specialty);
                    insert.setString(p++, c.title.level.name());
                    insert.setString(p++, c.title.qualificationName);
                    insert.setString(p++, c.effectiveScope.name());
                    insert.setString(p++, c.acquisitionRoute.name());
                    insert.setString(p++, c.title.promotionType.name());
                    insert.setString(p++, c.committeeName);
                    insert.setString(p++, c.approvalDocumentNumber);
                    insert.setObject(p++, c.qualificationDate);
                    insert.setObject(p++, c.issueDate);
                    insert.setTimestamp(p++, Timestamp.from(c.issuedAt));
                    insert.setString(p++, c.status.name());
                    insert.setString(p++, c.credential);
                    insert.setString(p++, c.token);
                    insert.setLong(p++, c.statusListId);
                    insert.setInt(p++, c.statusListIndex);
                    insert.setLong(p++, batchId);
                    insert.setLong(p, entries.get(i).id());
                    insert.addBatch();
                }
                insert.executeBatch();
            } catch (SQLException e) {
                // the driver's batch message lists every bound value, ID numbers included: keep only the server's error line
                SQLException cause = e.getNextException() != null ? e.getNextException() : e;
                String first = String.valueOf(cause.getMessage()).lines().findFirst().orElse("");
                // the SQLState stays, so that a database out of disk or gone answers 503 rather than 500
                throw new SQLException("batch insert failed: " + first, cause.getSQLState(), cause.getErrorCode());
            }
        });
    }

    /** Distinct random numbers none of which is taken yet: drawn together, checked with one query. */
    private List<String> freshNumbers(int count, int year) {
        Set<String> numbers = new HashSet<>(count * 2);
        while (numbers.size() < count) {
            numbers.add(CertificateNumbers.newNumber(year));
        }
        // one array parameter, however many numbers: one statement and one round trip
        em.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement taken = connection.prepareStatement("SELECT number FROM certificate WHERE number = ANY (?)")) {
                taken.setArray(1, connection.createArrayOf("text", numbers.toArray()));
                try (ResultSet rows = taken.executeQuery()) {
                    while (rows.next()) {
                        numbers.remove(rows.getString(1));
                    }
                }
            }
        });
        while (numbers.size() < count) {
            String candidate = CertificateNumbers.newNumber(year);
            if (em.createQuery("select count(c) from Certificate c where c.number = ?1", Long.class).setParameter(1, candidate)
                    .getSingleResult() == 0) {
                numbers.add(candidate);
            }
        }
        return new ArrayList<>(numbers);
    }
}
