package com.etitle.certificate;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import com.etitle.audit.AuditLog;
import com.etitle.authority.Authority;
import com.etitle.authority.AuthoritySigner;
import com.etitle.authority.Caller;
import com.etitle.authority.PublicIds;
import com.etitle.common.ClockProducer;
import com.etitle.common.Metrics;
import com.etitle.common.ProblemException;
import com.etitle.common.ProblemType;
import com.etitle.crypto.DataIntegrity;
import com.etitle.crypto.Hashes;
import com.etitle.crypto.Jcs;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.micrometer.core.instrument.Timer;
import io.quarkus.runtime.Startup;

/** Issues certificates and reads them back for their own authority. */
@ApplicationScoped
// made at start, so that its series are exported (from zero) before the first request counts
@Startup
public class CertificateService {

    /** What {@link #issue} did: a new certificate, or the one an earlier request with the same key made. */
    public record Issued(CertificateView certificate, boolean replayed) {
    }

    private final Clock clock;
    private final AuthoritySigner signer;
    private final CredentialFactory credentials;
    private final AuditLog audit;
    private final EntityManager em;
    private final ObjectMapper mapper;
    private final PublicIds ids;
    private final StatusSlots slots;
    private final LicenceIds licences;
    private final Metrics metrics;
    private final Timer issued;

    CertificateService(Clock clock, AuthoritySigner signer, CredentialFactory credentials, AuditLog audit, EntityManager em,
            ObjectMapper mapper, StatusSlots slots, PublicIds ids, LicenceIds licences, Metrics metrics) {
        this.metrics = metrics;
        this.issued = metrics.issuances();
        this.slots = slots;
        this.licences = licences;
        this.clock = clock;
        this.signer = signer;
        this.credentials = credentials;
        this.audit = audit;
        this.em = em;
        this.mapper = mapper;
        this.ids = ids;
    }

    /**
     * Validates, numbers, signs and stores one certificate, with its audit entry, in one transaction.
     * With an idempotency key the key row is written first: a concurrent request with the same key
     * blocks on it, then finds the committed certificate instead of making a second one.
     */
    /**
     * The caller's authority is read in the issuance's own transaction: one connection taken from the pool per
     * issuance, so that while the database is away a request waits for the pool once (its acquisition timeout), not
     * once per step.
     */
    @Transactional
    public Issued issue(Caller caller, String idempotencyKey, IssueRequest request) {
        return issue(caller.authority(), caller.actor(), idempotencyKey, request);
    }

    @Transactional
    public Issued issue(Authority authority, String actor, String idempotencyKey, IssueRequest request) {
        Timer.Sample started = Timer.start();
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        LocalDate today = now.atZone(ClockProducer.CHINA).toLocalDate();
        ValidIssue valid = IssueValidator.validate(request, today);
        if (idempotencyKey != null) {
            Optional<Certificate> earlier = claimIdempotencyKey(authority, idempotencyKey, requestHash(request));
            if (earlier.isPresent()) {
                return new Issued(CertificateView.of(earlier.get(), ids), true);
            }
        }
        Certificate c = create(authority, actor, valid, now, null);
        if (idempotencyKey != null) {
            em.createNativeQuery("UPDATE idempotency_key SET certificate_id = ?1 WHERE authority_id = ?2 AND idem_key = ?3")
                    .setParameter(1, c.id).setParameter(2, authority.id).setParameter(3, idempotencyKey).executeUpdate();
        }
        // a replay issued nothing; a new certificate counts once it is committed, with the commit in its time
        metrics.afterCommit(() -> started.stop(issued));
        return new Issued(CertificateView.of(c, ids), false);
    }

    /**
     * The replacement of a lost or damaged certificate (遗失补办, seed 001 §七(三)): the same qualification facts
     * under a new number and verification code, with a slot of its own, signed by the authority's current key
     * and linked to the certificate it replaces. The caller voids the old one in the same transaction.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Certificate reissue(Certificate old, String actor) {
        return create(old.authority, actor, ValidIssue.of(old), clock.instant().truncatedTo(ChronoUnit.MICROS), old);
    }

    /** The certificate if it belongs to the authority; another authority's number is indistinguishable from an unknown one. */
    @Transactional
    public CertificateView get(Authority authority, String number) {
        return CertificateView.of(Certificate.ownedBy(authority, number), ids);
    }

    /** Numbers, slots, signs and stores one certificate with its audit entry: the one issuance path. */
    private Certificate create(Authority authority, String actor, ValidIssue valid, Instant now, Certificate replaces) {
        LocalDate today = now.atZone(ClockProducer.CHINA).toLocalDate();
        AuthoritySigner.Signing signing = signer.current(authority);
        StatusSlots.Slot slot = slots.allocate(authority, 1).get(0);
        Certificate c = assemble(valid, authority, signing, slot, freshNumber(today.getYear()), now);
        c.replaces = replaces;
        c.credential = credentials.credential(c, signing);
        c.token = credentials.token(c, signing);
        c.persist();
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("keyId", signing.key().kid);
        detail.put("qualificationName", c.title.qualificationName);
        detail.put("level", c.title.level.name());
        detail.put("qualificationDate", c.qualificationDate.toString());
        if (replaces != null) {
            detail.put("replaces", replaces.number);
        }
        audit.append(actor, authority.code, "certificate.issued", c.number, detail);
        return c;
    }

    /**
     * A new VALID certificate of these facts, numbered, with its slot and both signed forms, not yet stored.
     * Touches no database and no persistence context, so batch issuance calls it from several threads.
     * {@code proofs} are {@link CredentialFactory#proofOptions} of the same authority, key and instant.
     */
    public Certificate signed(ValidIssue valid, Authority authority, AuthoritySigner.Signing signing, DataIntegrity.ProofOptions proofs,
            StatusSlots.Slot slot, String number, Instant now) {
        Certificate c = assemble(valid, authority, signing, slot, number, now);
        c.credential = credentials.credential(c, proofs);
        c.token = credentials.token(c, signing);
        return c;
    }

    private Certificate assemble(ValidIssue valid, Authority authority, AuthoritySigner.Signing signing, StatusSlots.Slot slot, String number,
            Instant now) {
        Certificate c = new Certificate();
        c.statusListId = slot.listId();
        c.statusListIndex = slot.index();
        c.number = number;
        // the serial is the number, unique among all certificates, so the identifier is unique too
        c.licenceId = licences.first(authority, number).text();
        c.verificationCode = CertificateNumbers.newVerificationCode();
        c.authority = authority;
        c.signingKey = signing.key();
        c.title.holderName = valid.holderName();
        c.title.holderIdNumber = valid.holderIdNumber();
        c.holderIdHash = Hashes.sha256Hex(valid.holderIdNumber());
        c.title.workUnit = valid.workUnit();
        c.title.series = valid.series();
        c.title.specialty = valid.specialty();
        c.title.level = valid.level();
        c.title.qualificationName = valid.qualificationName();
        c.effectiveScope = valid.effectiveScope();
        c.acquisitionRoute = valid.acquisitionRoute();
        c.title.promotionType = valid.promotionType();
        c.committeeName = valid.committeeName();
        c.approvalDocumentNumber = valid.approvalDocumentNumber();
        c.qualificationDate = valid.qualificationDate();
        c.issueDate = now.atZone(ClockProducer.CHINA).toLocalDate();
        c.issuedAt = now;
        c.status = CertificateStatus.VALID;
        return c;
    }

    private Optional<Certificate> claimIdempotencyKey(Authority authority, String key, String hash) {
        int inserted = em.createNativeQuery("""
                INSERT INTO idempotency_key (authority_id, idem_key, request_hash, created_at)
                VALUES (?1, ?2, ?3, ?4) ON CONFLICT DO NOTHING""")
                .setParameter(1, authority.id).setParameter(2, key).setParameter(3, hash).setParameter(4, clock.instant())
                .executeUpdate();
        if (inserted == 1) {
            return Optional.empty();
        }
        Object[] row = (Object[]) em.createNativeQuery("SELECT request_hash, certificate_id FROM idempotency_key WHERE authority_id = ?1 AND idem_key = ?2")
                .setParameter(1, authority.id).setParameter(2, key).getSingleResult();
        if (!hash.equals(row[0])) {
            throw new ProblemException(ProblemType.IDEMPOTENCY_KEY_REUSED, "detail.certificate.key-reused");
        }
        return Optional.of(Certificate.<Certificate>findById(((Number) row[1]).longValue()));
    }

    private String requestHash(IssueRequest request) {
        return java.util.HexFormat.of().formatHex(Hashes.sha256(Jcs.canonicalize(mapper.valueToTree(request))));
    }

    private String freshNumber(int year) {
        for (int attempt = 0; attempt < 5; attempt++) {
            String number = CertificateNumbers.newNumber(year);
            if (Certificate.count("number", number) == 0) {
                return number;
            }
        }
        throw new IllegalStateException("no free certificate number after 5 random draws");
    }
}
