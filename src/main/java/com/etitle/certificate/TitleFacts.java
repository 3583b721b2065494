package com.etitle.certificate;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;

/**
 * Who holds which title: the facts a publicity notice names, the qualification document confirms and the
 * certificate carries (seed 001 §四, §六). Mapped once and embedded in all three; the person's name is
 * {@code holder_name} on a certificate and {@code name} on the notice and document entries.
 */
@Embeddable
public class TitleFacts {

    @Column(name = "holder_name", nullable = false)
    public String holderName;

    /** Never leaves the authority side unmasked. */
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

    /** A copy, for the next step of the same facts: a notice's entry into the document, the document's into a certificate. */
    public TitleFacts copy() {
        TitleFacts copy = new TitleFacts();
        copy.holderName = holderName;
        copy.holderIdNumber = holderIdNumber;
        copy.workUnit = workUnit;
        copy.series = series;
        copy.specialty = specialty;
        copy.qualificationName = qualificationName;
        copy.level = level;
        copy.promotionType = promotionType;
        return copy;
    }
}
