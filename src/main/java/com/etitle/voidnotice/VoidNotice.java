package com.etitle.voidnotice;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

import org.hibernate.annotations.Immutable;

import com.etitle.authority.Authority;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A published void notice: written once, never changed (a trigger refuses UPDATE and DELETE). */
@Entity
@Immutable
@Table(name = "void_notice")
public class VoidNotice extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "authority_id")
    public Authority authority;

    @Column(name = "notice_number", nullable = false, unique = true)
    public String noticeNumber;

    @Column(name = "published_at", nullable = false)
    public Instant publishedAt;

    /** The signed notice (JSON with a Data Integrity proof), byte for byte as published. */
    @Column(name = "document", nullable = false)
    public String signedNotice;
}
