package com.etitle.verification;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

import com.etitle.holder.VerificationGrant;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** One verification that named a certificate, as its holder sees it. Written by {@link VerificationLog}, read only here. */
@Entity
@Table(name = "verification_event")
public class VerificationEvent extends PanacheEntityBase {

    @Id
    public Long id;

    @Column(name = "certificate_id", nullable = false)
    public Long certificateId;

    @Column(name = "verified_at", nullable = false)
    public Instant verifiedAt;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public VerificationAnswer.Method method;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Outcome result;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "grant_id")
    public VerificationGrant grant;
}
