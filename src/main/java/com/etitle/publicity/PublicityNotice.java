package com.etitle.publicity;

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
import com.etitle.committee.Committee;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A results publicity notice (公示) of one committee session: published for at least 5 working days (seed 001 §五). */
@Entity
@Table(name = "publicity_notice")
public class PublicityNotice extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "authority_id")
    public Authority authority;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "committee_id")
    public Committee committee;

    @Column(nullable = false)
    public String title;

    /** The qualification of every entry counts from this date (seed 001 §四(五)) */
    @Column(name = "vote_date", nullable = false)
    public LocalDate voteDate;

    @Column(name = "starts_at", nullable = false)
    public Instant startsAt;

    @Column(name = "working_days", nullable = false)
    public int workingDays;

    /** Computed from the working-day calendar; objections are accepted until this instant */
    @Column(name = "ends_at", nullable = false)
    public Instant endsAt;

    @Column(name = "contact_phone", nullable = false)
    public String contactPhone;

    @Column(name = "contact_address", nullable = false)
    public String contactAddress;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "created_by", nullable = false)
    public String createdBy;
}
