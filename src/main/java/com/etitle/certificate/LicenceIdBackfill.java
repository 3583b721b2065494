package com.etitle.certificate;

import java.sql.Array;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.hibernate.Session;
import org.jboss.logging.Logger;

import com.etitle.authority.Authority;

/**
 * Certificates issued before e-licence identifiers existed get theirs at start, made as a new certificate's is, from the
 * configured type code and their authority's credit code. Their signed forms stay as they were signed: a credential
 * already in its holder's hands is not replaced, and a credential re-signed later (after a key compromise) carries the
 * identifier, as it is made from the record. Runs in transactions of a thousand rows, in id order, each read through
 * an index of the rows still without one (so a start with none left costs one empty index read) and written with one
 * statement; rows another replica is converting are skipped, not waited for. A certificate of an authority without a
 * credit code (one no longer configured) is left for a start at which it is configured.
 */
@ApplicationScoped
public class LicenceIdBackfill {

    private static final Logger LOG = Logger.getLogger(LicenceIdBackfill.class);
    static final int BATCH = 1000;

    private final EntityManager em;
    private final LicenceIds licences;

    LicenceIdBackfill(EntityManager em, LicenceIds licences) {
        this.em = em;
        this.licences = licences;
    }

    /** Gives every certificate without an identifier whose authority has a credit code one; returns how many. */
    public int run() {
        int total = 0;
        long after = 0;
        while (true) {
            Batch done = batch(after);
            total += done.converted();
            if (done.lastId() < 0) {
                break;
            }
            after = done.lastId();
        }
        if (total > 0) {
            LOG.infof("Gave %d earlier certificates an e-licence identifier", total);
        }
        return total;
    }

    /** How many rows a batch gave an identifier, and the last id it read (-1: nothing was left after {@code after}). */
    record Batch(int converted, long lastId) {
    }

    @Transactional
    Batch batch(long after) {
        List<Long> ids = new ArrayList<>(BATCH);
        List<String> identifiers = new ArrayList<>(BATCH);
        long[] last = {-1};
        em.unwrap(Session.class).doWork(connection -> {
            // locks the certificate rows only (FOR UPDATE OF c): their authority stays free for issuance meanwhile
            try (PreparedStatement select = connection.prepareStatement("""
                    SELECT c.id, c.number, a.code, a.credit_code FROM certificate c JOIN authority a ON a.id = c.authority_id
                    WHERE c.licence_id IS NULL AND c.id > ? ORDER BY c.id LIMIT ? FOR UPDATE OF c SKIP LOCKED""")) {
                select.setLong(1, after);
                select.setInt(2, BATCH);
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        last[0] = rows.getLong(1);
                        if (rows.getString(4) == null) {
                            continue;
                        }
                        Authority authority = new Authority();
                        authority.code = rows.getString(3);
                        authority.creditCode = rows.getString(4);
                        ids.add(rows.getLong(1));
                        identifiers.add(licences.first(authority, rows.getString(2)).text());
                    }
                }
            }
            if (ids.isEmpty()) {
                return;
            }
            try (PreparedStatement update = connection.prepareStatement("""
                    UPDATE certificate c SET licence_id = v.licence_id FROM unnest(?, ?) AS v(id, licence_id) WHERE c.id = v.id""")) {
                Array idArray = connection.createArrayOf("bigint", ids.toArray());
                Array idText = connection.createArrayOf("text", identifiers.toArray());
                update.setArray(1, idArray);
                update.setArray(2, idText);
                update.executeUpdate();
            }
        });
        return new Batch(ids.size(), last[0]);
    }
}
