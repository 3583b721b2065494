package com.etitle.holder;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import com.etitle.audit.AuditLog;
import com.etitle.certificate.Certificate;
import com.etitle.certificate.CertificateStatus;
import com.etitle.common.Fields;
import com.etitle.common.ProblemException;
import com.etitle.common.ProblemType;
import com.etitle.crypto.Encodings;
import com.etitle.crypto.Hashes;

/**
 * Verification grants (加注). The national system lets a holder annotate an e-certificate with a use and a
 * validity of at most 90 days, at most 3 at a time, within 24 hours; here a grant is made at once and the
 * holder can end it at once. A grant's code is a 160-bit random bearer secret; the database keeps its SHA-256.
 */
@ApplicationScoped
public class Grants {

    public static final int MAX_DAYS = 90;
    private static final int CODE_BYTES = 20;

    private final SecureRandom random = new SecureRandom();
    private final Clock clock;
    private final AuditLog audit;
    private final EntityManager em;
    private final int maxActive;

    Grants(Clock clock, AuditLog audit, EntityManager em, @ConfigProperty(name = "etitle.grants.max-active", defaultValue = "3") int maxActive) {
        this.clock = clock;
        this.audit = audit;
        this.em = em;
        this.maxActive = maxActive;
    }

    /** A new grant and its code, which is never stored and cannot be shown again. */
    public record Made(VerificationGrant grant, String code) {
    }

    @Transactional
    public Made make(Holder holder, String number, GrantRequest request) {
        Fields fields = new Fields();
        if (request == null) {
            throw new ProblemException(ProblemType.MALFORMED_REQUEST, "detail.body.required");
        }
        String verifier = fields.text("verifierName", request.verifierName(), 100);
        String purpose = fields.text("purpose", request.purpose(), 200);
        Integer days = fields.number("validityDays", request.validityDays(), 1, MAX_DAYS);
        fields.throwIfInvalid("consequence.no-grant-made");
        // the row lock orders concurrent requests for one certificate, so the limit holds under races
        Certificate certificate = em.find(Certificate.class, holder.certificate(number).id, LockModeType.PESSIMISTIC_WRITE);
        if (certificate.status != CertificateStatus.VALID) {
            throw new ProblemException(ProblemType.STATUS_CONFLICT, "detail.grant.not-valid", certificate.status.name().toLowerCase(Locale.ROOT));
        }
        Instant now = clock.instant();
        long active = VerificationGrant.countActive(certificate, now);
        if (active >= maxActive) {
            throw new ProblemException(ProblemType.GRANT_LIMIT, "detail.grant.limit", active);
        }
        String code = Encodings.base32(randomBytes());
        VerificationGrant grant = new VerificationGrant();
        grant.id = UUID.randomUUID();
        grant.certificate = certificate;
        grant.codeHash = hash(code);
        grant.verifierName = verifier;
        grant.purpose = purpose;
        grant.createdAt = now;
        grant.expiresAt = now.plus(Duration.ofDays(days));
        grant.persist();
        audit.append("holder", certificate.authority.code, "grant.made", certificate.number,
                Map.of("grant", grant.id.toString(), "days", days));
        return new Made(grant, code);
    }

    @Transactional
    public List<VerificationGrant> list(Holder holder, String number) {
        return VerificationGrant.listFor(holder.certificate(number));
    }

    /** Ends the grant now; ending an ended or expired grant changes nothing. Another certificate's grant id is unknown here. */
    @Transactional
    public VerificationGrant end(Holder holder, String number, String id) {
        Certificate certificate = holder.certificate(number);
        UUID uuid = parse(id);
        VerificationGrant grant = uuid == null ? null : em.find(VerificationGrant.class, uuid, LockModeType.PESSIMISTIC_WRITE);
        if (grant == null || !grant.certificate.id.equals(certificate.id)) {
            throw new ProblemException(ProblemType.NOT_FOUND, "detail.grant.unknown");
        }
        if (grant.endedAt == null) {
            grant.endedAt = clock.instant();
            audit.append("holder", certificate.authority.code, "grant.ended", certificate.number, Map.of("grant", grant.id.toString()));
        }
        return grant;
    }

    public Instant now() {
        return clock.instant();
    }

    /** The digest a code is stored and looked up by: codes are compared case-blind and without spaces or hyphens. */
    public static byte[] hash(String code) {
        return Hashes.sha256(normalise(code).getBytes(java.nio.charset.StandardCharsets.US_ASCII));
    }

    static String normalise(String code) {
        return code.replaceAll("[\\s-]", "").toUpperCase(Locale.ROOT);
    }

    private byte[] randomBytes() {
        byte[] bytes = new byte[CODE_BYTES];
        random.nextBytes(bytes);
        return bytes;
    }

    private static UUID parse(String id) {
        try {
            return id == null || id.length() != 36 ? null : UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
