package com.etitle.publicity;

import jakarta.persistence.AttributeOverride;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

import com.etitle.certificate.TitleFacts;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A passed candidate on a notice. The ID number is kept for issuance and never published. */
@Entity
@Table(name = "publicity_entry")
public class PublicityEntry extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "notice_id")
    public PublicityNotice notice;

    @Column(nullable = false)
    public int position;

    @Embedded
    @AttributeOverride(name = "holderName", column = @Column(name = "name", nullable = false))
    public TitleFacts title = new TitleFacts();

    /** Withdrawn after an upheld objection */
    @Column(nullable = false)
    public boolean withdrawn;
}
