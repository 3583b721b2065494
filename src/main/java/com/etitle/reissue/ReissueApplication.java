package com.etitle.reissue;

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

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.etitle.authority.Authority;
import com.etitle.certificate.Certificate;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * A request to replace a lost or damaged certificate, filed by the holder online or by the issuer for the holder's
 * unit: the form and the holder's declaration, and nothing else (seed 001 §七(三)).
 */
@Entity
@Table(name = "reissue_application")
public class ReissueApplication extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "authority_id")
    public Authority authority;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "certificate_id")
    public Certificate certificate;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public ReissueReason reason;

    /** Who filed it. */
    @Enumerated(EnumType.STRING)
    @Column(name = "filed_by", nullable = false)
    public FiledBy filedBy;

    /** How the authority reaches the holder (telephone or e-mail); only when the holder filed it. Personal data. */
    @Column
    public String contact;

    /** The holder's signed declaration, as typed from the form. */
    @Column(nullable = false)
    public String declaration;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public ReissueStatus status;

    @Column(name = "rejection_reason")
    public String rejectionReason;

    /** The replacement, once approved. */
    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "new_certificate_id")
    public Certificate newCertificate;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "created_by", nullable = false)
    public String createdBy;

    @Column(name = "decided_at")
    public Instant decidedAt;

    @Column(name = "decided_by")
    public String decidedBy;

    /** The holder online, or an issuer at the counter. */
    @Schema(name = "ReissueFiledBy")
    public enum FiledBy {
        ISSUER,
        HOLDER
    }
}
