package com.etitle.holder;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.etitle.certificate.Certificate;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * A holder's consent (加注) for one verifier to check one certificate, for one purpose, for at most 90 days.
 * Only the SHA-256 of its code is stored: the code itself is shown to the holder once, when it is made.
 */
@Entity
@Table(name = "verification_grant")
public class VerificationGrant extends PanacheEntityBase {

    @Schema(name = "GrantState")
    public enum State {
        ACTIVE, EXPIRED, ENDED
    }

    @Id
    public UUID id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "certificate_id")
    public Certificate certificate;

    @Column(name = "code_hash", nullable = false, unique = true)
    public byte[] codeHash;

    @Column(name = "verifier_name", nullable = false)
    public String verifierName;

    @Column(nullable = false)
    public String purpose;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "expires_at", nullable = false)
    public Instant expiresAt;

    /** When the holder ended it; null while it runs. */
    @Column(name = "ended_at")
    public Instant endedAt;

    public State stateAt(Instant now) {
        if (endedAt != null) {
            return State.ENDED;
        }
        return expiresAt.isAfter(now) ? State.ACTIVE : State.EXPIRED;
    }

    /**
     * The grant a code opens, if it is active at {@code now}, with its certificate and authority. An unknown,
     * ended and expired code all come back empty from the same single query.
     */
    public static Optional<VerificationGrant> activeByCode(byte[] codeHash, Instant now) {
        return find("from VerificationGrant g join fetch g.certificate c join fetch c.authority"
                + " where g.codeHash = ?1 and g.endedAt is null and g.expiresAt > ?2", codeHash, now).firstResultOptional();
    }

    public static List<VerificationGrant> listFor(Certificate certificate) {
        return list("certificate = ?1 order by createdAt desc, id", certificate);
    }

    public static long countActive(Certificate certificate, Instant now) {
        return count("certificate = ?1 and endedAt is null and expiresAt > ?2", certificate, now);
    }
}
