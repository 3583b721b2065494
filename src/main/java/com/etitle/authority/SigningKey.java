package com.etitle.authority;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.etitle.crypto.KeyAlgorithm;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** The public half and status of one key version. The private half never enters the database. */
@Entity
@Table(name = "signing_key")
public class SigningKey extends PanacheEntityBase {

    @Schema(name = "KeyStatus")
    public enum Status {
        ACTIVE,
        /** Never verifies again, whatever it signed; verification answers say so. */
        COMPROMISED
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "authority_id")
    public Authority authority;

    @Column(nullable = false)
    public int version;

    @Column(nullable = false, unique = true)
    public String kid;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public KeyAlgorithm algorithm;

    @Column(name = "public_key", nullable = false)
    public byte[] publicKey;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Status status;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "compromised_at")
    public Instant compromisedAt;

    /** With its authority, in one query: verification needs both. */
    public static Optional<SigningKey> findByKid(String kid) {
        return find("from SigningKey k join fetch k.authority where k.kid = ?1", kid).firstResultOptional();
    }

    /** Newest first. */
    public static List<SigningKey> listFor(Authority authority) {
        return list("authority = ?1 order by version desc", authority);
    }

    public static String kidOf(String authorityCode, int version) {
        return authorityCode + "-k" + version;
    }
}
