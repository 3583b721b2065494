package com.etitle.batch;

import java.time.Instant;

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

import com.etitle.authority.Authority;
import com.etitle.qualification.QualificationDocument;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** One batch issuance request, by authority and Idempotency-Key. */
@Entity
@Table(name = "certificate_batch")
public class CertificateBatch extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "authority_id")
    public Authority authority;

    @Column(name = "idem_key", nullable = false)
    public String idemKey;

    @Column(name = "request_hash", nullable = false)
    public String requestHash;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "document_id")
    public QualificationDocument document;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public BatchStatus status;

    @Column(nullable = false)
    public int total;

    @Column(nullable = false)
    public int issued;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "completed_at")
    public Instant completedAt;

    @Column
    public String error;
}
