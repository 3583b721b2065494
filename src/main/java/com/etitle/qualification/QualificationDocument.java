package com.etitle.qualification;

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
import com.etitle.publicity.PublicityNotice;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A qualification document (资格文件) issued after a notice ended with every objection answered. */
@Entity
@Table(name = "qualification_document")
public class QualificationDocument extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "authority_id")
    public Authority authority;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "notice_id")
    public PublicityNotice notice;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "committee_id")
    public Committee committee;

    /** 文号 */
    @Column(name = "document_number", nullable = false)
    public String documentNumber;

    @Column(name = "document_date", nullable = false)
    public LocalDate documentDate;

    /** The qualification date of every entry: the vote date, never the document date (seed 001 §四(五)) */
    @Column(name = "vote_date", nullable = false)
    public LocalDate voteDate;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "created_by", nullable = false)
    public String createdBy;
}
