package com.etitle.certificate;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;

import jakarta.persistence.Basic;
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

import com.etitle.authority.Authority;
import com.etitle.authority.SigningKey;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * An issued e-certificate (职称电子证书) with its signed forms, exactly as they were signed: at issuance, or again with
 * the current key after the key that signed them was compromised ({@link ReSigning}).
 */
@Entity
@Table(name = "certificate")
public class Certificate extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(nullable = false, unique = true)
    public String number;

    @Column(name = "verification_code", nullable = false)
    public String verificationCode;

    /**
     * The e-licence identifier (证照标识, GB/T 36904; {@link LicenceId}), unique. Made at issuance; a certificate issued
     * before identifiers existed gets one at start ({@link LicenceIdBackfill}).
     */
    @Column(name = "licence_id", unique = true)
    public String licenceId;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "authority_id")
    public Authority authority;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "signing_key_id")
    public SigningKey signingKey;

    @Embedded
    public TitleFacts title = new TitleFacts();

    /** SHA-256 (hex) of the ID number: how a holder's token finds their certificates. */
    @Column(name = "holder_id_hash", nullable = false)
    public String holderIdHash;

    @Enumerated(EnumType.STRING)
    @Column(name = "effective_scope", nullable = false)
    public EffectiveScope effectiveScope;

    @Enumerated(EnumType.STRING)
    @Column(name = "acquisition_route", nullable = false)
    public AcquisitionRoute acquisitionRoute;

    @Column(name = "committee_name")
    public String committeeName;

    @Column(name = "approval_document_number", nullable = false)
    public String approvalDocumentNumber;

    /** The vote date (seed 001 §四(五)): the qualification counts from it, never earlier or later. */
    @Column(name = "qualification_date", nullable = false)
    public LocalDate qualificationDate;

    @Column(name = "issue_date", nullable = false)
    public LocalDate issueDate;

    @Column(name = "issued_at", nullable = false)
    public Instant issuedAt;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public CertificateStatus status;

    /** Why the status is what it is: the revocation or suspension reason, or LOST / DAMAGED for a voided (replaced) certificate. */
    @Column(name = "status_reason")
    public String statusReason;

    @Column(name = "status_changed_at")
    public Instant statusChangedAt;

    /** The certificate's slot in its authority's status lists: the same index in the revocation and the suspension list. */
    @Column(name = "status_list_id")
    public Long statusListId;

    @Column(name = "status_list_index")
    public Integer statusListIndex;

    /** The lost or damaged certificate this one replaces. */
    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "replaces_certificate_id")
    public Certificate replaces;

    /** The qualification-document entry a batch issued this certificate for; unique, so one certificate per entry. */
    @Column(name = "document_entry_id", insertable = false, updatable = false)
    public Long documentEntryId;

    @Column(name = "batch_id")
    public Long batchId;

    /**
     * The signed Verifiable Credential, byte for byte as signed. Loaded on first use: verification reads a
     * certificate's status thousands of times a second and never needs its 2-3 KB of signed forms.
     */
    @Basic(fetch = FetchType.LAZY)
    @Column(nullable = false)
    public String credential;

    /** The compact signed token (JWS) for QR codes; loaded on first use, with the credential. */
    @Basic(fetch = FetchType.LAZY)
    @Column(nullable = false)
    public String token;

    /**
     * The authority's own certificate of this number. Another authority's number answers exactly like an
     * unknown one (404), so numbers cannot be probed across authorities.
     */
    public static Certificate ownedBy(com.etitle.authority.Authority authority, String number) {
        return findByNumber(number)
                .filter(c -> c.authority.id.equals(authority.id))
                .orElseThrow(() -> new com.etitle.common.ProblemException(com.etitle.common.ProblemType.NOT_FOUND,
                        "detail.certificate.not-yours"));
    }

    /**
     * The certificate of this number issued to the person whose ID-number hash this is. Anyone else's number
     * answers exactly like an unknown one (404), so a holder cannot probe other people's numbers.
     */
    public static Certificate heldBy(String holderIdHash, String number) {
        return (number == null || number.length() > 32 ? Optional.<Certificate>empty() : findByNumber(number))
                .filter(c -> c.holderIdHash.equals(holderIdHash))
                .orElseThrow(() -> new com.etitle.common.ProblemException(com.etitle.common.ProblemType.NOT_FOUND,
                        "detail.certificate.not-held"));
    }

    /** With its authority, in one query: every answer names the issuing authority. */
    public static Optional<Certificate> findByNumber(String number) {
        return find("from Certificate c join fetch c.authority where c.number = ?1", number).firstResultOptional();
    }
}
