package com.etitle.status;

import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import org.hibernate.LockOptions;
import org.jboss.logging.Logger;

import com.etitle.audit.AuditLog;
import com.etitle.authority.AuthoritySigner;
import com.etitle.certificate.Certificate;
import com.etitle.certificate.CredentialFactory;
import com.etitle.certificate.StatusSlots;
import com.etitle.common.ProblemException;

/**
 * Certificates issued before status lists existed get a slot and a credential that carries a
 * {@code credentialStatus}, re-signed with the authority's current key. Runs at start in small
 * transactions; rows another replica is already converting are skipped, not waited for.
 */
@ApplicationScoped
public class StatusBackfill {

    private static final Logger LOG = Logger.getLogger(StatusBackfill.class);
    private static final int BATCH = 200;

    private final EntityManager em;
    private final StatusSlots slots;
    private final AuthoritySigner signer;
    private final CredentialFactory credentials;
    private final AuditLog audit;

    StatusBackfill(EntityManager em, StatusSlots slots, AuthoritySigner signer, CredentialFactory credentials, AuditLog audit) {
        this.em = em;
        this.slots = slots;
        this.signer = signer;
        this.credentials = credentials;
        this.audit = audit;
    }

    /** Converts every certificate without a slot that this replica can sign for; returns how many. */
    public int run() {
        int total = 0;
        int done;
        do {
            done = batch();
            total += done;
        } while (done == BATCH);
        if (total > 0) {
            LOG.infof("Gave %d earlier certificates a status-list entry", total);
        }
        return total;
    }

    @Transactional
    int batch() {
        List<Certificate> pending = em.createQuery("from Certificate c where c.statusListId is null order by c.id", Certificate.class)
                .setMaxResults(BATCH)
                .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .setHint("jakarta.persistence.lock.timeout", LockOptions.SKIP_LOCKED)
                .getResultList();
        int converted = 0;
        for (Certificate c : pending) {
            AuthoritySigner.Signing signing;
            try {
                signing = signer.current(c.authority);
            } catch (ProblemException noKeyHere) {
                continue;
            }
            StatusSlots.Slot slot = slots.allocate(c.authority, 1).get(0);
            c.statusListId = slot.listId();
            c.statusListIndex = slot.index();
            c.signingKey = signing.key();
            c.credential = credentials.credential(c, signing);
            audit.append("system", c.authority.code, "certificate.status-entry-added", c.number,
                    Map.of("statusList", slot.listId(), "keyId", signing.key().kid));
            converted++;
        }
        return converted;
    }
}
