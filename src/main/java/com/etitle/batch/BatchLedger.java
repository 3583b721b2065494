package com.etitle.batch;

import java.time.Clock;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import com.etitle.authority.Authority;
import com.etitle.common.Invalid;
import com.etitle.common.ProblemException;
import com.etitle.common.ProblemType;
import com.etitle.qualification.QualificationDocument;

/**
 * The batch rows, written in short transactions of their own so that progress and failures are visible
 * while (and after) the long issuing transaction runs or dies.
 */
@ApplicationScoped
public class BatchLedger {

    private final EntityManager em;
    private final Clock clock;

    BatchLedger(EntityManager em, Clock clock) {
        this.em = em;
        this.clock = clock;
    }

    /** The batch of this key, created on first use; the same key with another body is refused. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public long claim(Authority authority, String key, String requestHash, QualificationDocument document, int total) {
        em.createNativeQuery("""
                INSERT INTO certificate_batch (authority_id, idem_key, request_hash, document_id, status, total, issued, created_at)
                VALUES (?1, ?2, ?3, ?4, 'RUNNING', ?5, 0, ?6) ON CONFLICT (authority_id, idem_key) DO NOTHING""")
                .setParameter(1, authority.id).setParameter(2, key).setParameter(3, requestHash).setParameter(4, document.id)
                .setParameter(5, total).setParameter(6, clock.instant()).executeUpdate();
        CertificateBatch batch = CertificateBatch.<CertificateBatch>find("authority = ?1 and idemKey = ?2", authority, key).singleResult();
        if (!batch.requestHash.equals(requestHash)) {
            throw new ProblemException(ProblemType.IDEMPOTENCY_KEY_REUSED,
                    List.of(Invalid.of("Idempotency-Key", "reason.idempotency-key.reused")), "detail.batch.key-reused");
        }
        return batch.id;
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void progress(long batchId, int issued) {
        em.createQuery("update CertificateBatch set issued = ?1 where id = ?2 and status <> ?3")
                .setParameter(1, issued).setParameter(2, batchId).setParameter(3, BatchStatus.COMPLETED).executeUpdate();
    }

    /** Records why the last attempt failed; its certificates were rolled back with it. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void failed(long batchId, String error) {
        em.createQuery("update CertificateBatch set status = ?1, issued = 0, error = ?2 where id = ?3 and status <> ?4")
                .setParameter(1, BatchStatus.FAILED).setParameter(2, error.length() > 500 ? error.substring(0, 500) : error)
                .setParameter(3, batchId).setParameter(4, BatchStatus.COMPLETED).executeUpdate();
    }

    @Transactional
    public BatchView view(Authority authority, long id) {
        return CertificateBatch.<CertificateBatch>findByIdOptional(id)
                .filter(b -> b.authority.id.equals(authority.id))
                .map(BatchView::of)
                .orElseThrow(() -> new ProblemException(ProblemType.NOT_FOUND, "detail.batch.unknown"));
    }
}
