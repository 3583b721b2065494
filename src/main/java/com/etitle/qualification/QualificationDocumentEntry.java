package com.etitle.qualification;

import jakarta.persistence.AttributeOverride;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
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

import com.etitle.certificate.EffectiveScope;
import com.etitle.certificate.TitleFacts;
import com.etitle.publicity.PublicityEntry;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** One person named by a qualification document; batch issuance makes exactly one certificate of it. */
@Entity
@Table(name = "qualification_document_entry")
public class QualificationDocumentEntry extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "document_id")
    public QualificationDocument document;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "publicity_entry_id")
    public PublicityEntry publicityEntry;

    @Column(nullable = false)
    public int position;

    @Embedded
    @AttributeOverride(name = "holderName", column = @Column(name = "name", nullable = false))
    public TitleFacts title = new TitleFacts();

    @Enumerated(EnumType.STRING)
    @Column(name = "effective_scope", nullable = false)
    public EffectiveScope effectiveScope;
}
