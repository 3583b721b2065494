package com.etitle.dishonesty;

import java.time.Instant;
import java.time.LocalDate;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

import com.etitle.authority.Authority;
import com.etitle.certificate.Certificate;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A holder barred from applying after a title was revoked for fraud. Never public. */
@Entity
@Table(name = "dishonesty_entry")
public class DishonestyEntry extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "authority_id")
    public Authority authority;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "certificate_id")
    public Certificate certificate;

    @Column(name = "holder_id_hash", nullable = false)
    public String holderIdHash;

    @Column(nullable = false)
    public String reason;

    @Column(name = "starts_on", nullable = false)
    public LocalDate startsOn;

    @Column(name = "ends_on", nullable = false)
    public LocalDate endsOn;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
}
