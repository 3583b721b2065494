package com.etitle.verification;

import jakarta.enterprise.context.ApplicationScoped;

import com.etitle.certificate.Certificate;
import com.etitle.common.PageRequest;

import io.quarkus.narayana.jta.QuarkusTransaction;

/** A holder's view of the verification log: every verification that named their certificate, newest first. */
@ApplicationScoped
public class VerificationHistory {

    private final VerificationLog log;

    VerificationHistory(VerificationLog log) {
        this.log = log;
    }

    /** One page of the log of the holder's certificate; another person's number answers 404 like an unknown one. */
    public VerificationLogEntry.Page of(String idNumberHash, String number, PageRequest paging) {
        Certificate certificate = Certificate.heldBy(idNumberHash, number);
        // this replica's queued events first, so a verification just made is listed; other replicas write theirs within 0.2 s
        log.flush();
        return QuarkusTransaction.requiringNew().call(() -> {
            var query = VerificationEvent.<VerificationEvent>find(
                    "from VerificationEvent e left join fetch e.grant where e.certificateId = ?1 order by e.verifiedAt desc, e.id desc",
                    certificate.id);
            long total = VerificationEvent.count("certificateId", certificate.id);
            return new VerificationLogEntry.Page(query.page(paging.page(), paging.size()).list().stream().map(VerificationLogEntry::of).toList(),
                    paging.page(), paging.size(), total);
        });
    }
}
