package com.etitle.audit;

import java.time.Clock;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import org.hibernate.jpa.HibernateHints;
import org.jboss.logging.Logger;


import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * Walks the whole audit chain in id order and recomputes every entry's hash and link. The table may hold
 * millions of rows, so the walk reads them a page at a time (keyset, not offset, so each page is one index
 * range scan) and keeps nothing from a page but its last hash: memory stays constant. Each page is read in
 * its own short transaction, so a long walk neither hits the transaction timeout nor pins one snapshot.
 */
@ApplicationScoped
public class AuditChecker {

    static final int PAGE_SIZE = 1000;
    private static final Logger LOG = Logger.getLogger(AuditChecker.class);

    private final EntityManager em;
    private final Clock clock;

    AuditChecker(EntityManager em, Clock clock) {
        this.em = em;
        this.clock = clock;
    }

    /**
     * The check as an authority sees it. The chain is one for all authorities, so its first break may be
     * another authority's entry: the answer then says where (id, time, action, defect) but not whose subject.
     */
    public ChainCheck verifyChainFor(String authorityCode) {
        return verifyChain(PAGE_SIZE, authorityCode);
    }

    /** The check with every subject named, for tests. */
    ChainCheck verifyChain() {
        return verifyChain(PAGE_SIZE);
    }

    ChainCheck verifyChain(int pageSize) {
        return verifyChain(pageSize, null);
    }

    /**
     * Checks the chain as it stood when the walk began: entries appended meanwhile are left to the next check,
     * so a busy service cannot keep the walk going forever. Appends hold the chain lock until they commit,
     * so no entry below the newest committed id can still appear later.
     */
    private ChainCheck verifyChain(int pageSize, String viewer) {
        long started = System.nanoTime();
        Long newest = QuarkusTransaction.requiringNew()
                .call(() -> em.createQuery("select max(e.id) from AuditEntry e", Long.class).getSingleResult());
        String previousHash = AuditLog.GENESIS;
        Long lastId = null;
        long checked = 0;
        while (newest != null && (lastId == null || lastId < newest)) {
            List<AuditEntry> page = page(lastId == null ? Long.MIN_VALUE : lastId, newest, pageSize);
            if (page.isEmpty()) {
                break;
            }
            for (AuditEntry entry : page) {
                checked++;
                // The link first: a rewritten previous_hash also spoils the row's own hash, but "the link is
                // broken" says more about what happened.
                ChainCheck.Defect defect = !entry.previousHash.equals(previousHash) ? ChainCheck.Defect.LINK_BROKEN
                        : !AuditLog.hash(entry).equals(entry.entryHash) ? ChainCheck.Defect.HASH_MISMATCH
                        : null;
                if (defect != null) {
                    LOG.warnf("Audit chain broken at entry %d (%s %s): %s; %d entries checked", entry.id, entry.action, entry.subject,
                            defect, checked);
                    boolean ownSubject = viewer == null || viewer.equals(entry.authorityCode);
                    return ChainCheck.broken(checked, entry, ownSubject, defect, clock.instant());
                }
                previousHash = entry.entryHash;
                lastId = entry.id;
            }
        }
        LOG.infof("Audit chain intact: %d entries checked in %d ms", checked, (System.nanoTime() - started) / 1_000_000);
        return ChainCheck.intact(checked, lastId, lastId == null ? null : previousHash, clock.instant());
    }

    private List<AuditEntry> page(long after, long upTo, int size) {
        // read-only: Hibernate keeps no snapshot copies of the rows, and the context closes with the transaction
        return QuarkusTransaction.requiringNew().call(() -> em
                .createQuery("from AuditEntry e where e.id > ?1 and e.id <= ?2 order by e.id", AuditEntry.class)
                .setParameter(1, after).setParameter(2, upTo)
                .setHint(HibernateHints.HINT_READ_ONLY, true)
                .setMaxResults(size)
                .getResultList());
    }
}
