package com.etitle.qualification;

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

import com.etitle.certificate.EffectiveScope;
import com.etitle.certificate.Level;
import com.etitle.certificate.PromotionType;
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

    @Column(nullable = false)
    public String name;

    @Column(name = "holder_id_number", nullable = false)
    public String holderIdNumber;

    @Column(name = "work_unit", nullable = false)
    public String workUnit;

    @Column(nullable = false)
    public String series;

    @Column(nullable = false)
    public String specialty;

    @Column(name = "qualification_name", nullable = false)
    public String qualificationName;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Level level;

    @Enumerated(EnumType.STRING)
    @Column(name = "promotion_type", nullable = false)
    public PromotionType promotionType;

    @Enumerated(EnumType.STRING)
    @Column(name = "effective_scope", nullable = false)
    public EffectiveScope effectiveScope;
}
