package com.etitle.voidnotice;

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

/** A voided certificate's declaration (作废声明), queued until a void notice publishes it. */
@Entity
@Table(name = "void_declaration")
public class VoidDeclaration extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "authority_id")
    public Authority authority;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "certificate_id")
    public Certificate certificate;

    /** LOST or DAMAGED. */
    @Column(nullable = false)
    public String reason;

    @Column(name = "void_date", nullable = false)
    public LocalDate voidDate;

    /** Null while queued. */
    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "notice_id")
    public VoidNotice notice;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
}
