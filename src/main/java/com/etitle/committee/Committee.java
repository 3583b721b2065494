package com.etitle.committee;

import java.time.Instant;
import java.time.LocalDate;

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

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** An evaluation committee (评委会) as filed with its authority. Members are never stored (seed 001 §八(三)). */
@Entity
@Table(name = "committee")
public class Committee extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "authority_id")
    public Authority authority;

    @Column(nullable = false)
    public String code;

    @Column(nullable = false)
    public String name;

    /** The level it evaluates */
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public CommitteeLevel level;

    @Column(nullable = false)
    public String series;

    @Column(name = "specialty_scope", nullable = false)
    public String specialtyScope;

    @Column(name = "managing_department", nullable = false)
    public String managingDepartment;

    @Column(name = "approving_authority", nullable = false)
    public String approvingAuthority;

    @Column(nullable = false)
    public String region;

    @Column(name = "contact_phone", nullable = false)
    public String contactPhone;

    @Column(name = "contact_address", nullable = false)
    public String contactAddress;

    @Column(name = "filing_number", nullable = false)
    public String filingNumber;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public CommitteeStatus status;

    @Column(name = "established_on", nullable = false)
    public LocalDate establishedOn;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    /** Moves on every update */
    @Column(nullable = false)
    public long version;
}
