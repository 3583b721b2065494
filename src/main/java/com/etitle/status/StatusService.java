package com.etitle.status;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import com.etitle.audit.AuditLog;
import com.etitle.authority.Authority;
import com.etitle.authority.PublicIds;
import com.etitle.certificate.Certificate;
import com.etitle.certificate.CertificateStatus;
import com.etitle.certificate.CertificateView;
import com.etitle.common.ClockProducer;
import com.etitle.common.Fields;
import com.etitle.common.Metrics;
import com.etitle.common.RegisterChanged;
import com.etitle.common.Invalid;
import com.etitle.common.ProblemException;
import com.etitle.common.ProblemType;
import com.etitle.dishonesty.DishonestyEntry;

import io.micrometer.core.instrument.Counter;
import io.quarkus.runtime.Startup;

/**
 * Every status change of a certificate goes through {@link #move}: the allowed moves are those of
 * {@link CertificateStatus#canMoveTo}, the row is locked while it changes, the status lists learn of it,
 * and the audit log records it, all in one transaction.
 */
@ApplicationScoped
// made at start, so that its series are exported (from zero) before the first request counts
@Startup
public class StatusService {

    /** Seed 004 §4 / seed 000 §15: after a revocation for fraud, 3 years without applying. */
    static final int DISHONESTY_YEARS = 3;
    /** A suspension's free-text reason: the length of {@code certificate.status_reason} (V8_1). */
    public static final int SUSPENSION_REASON_MAX = 200;
    /** The internal note of a status change, kept only in the audit record. */
    public static final int NOTE_MAX = 500;

    private final EntityManager em;
    private final Clock clock;
    private final AuditLog audit;
    private final StatusLists statusLists;
    private final PublicIds ids;
    private final Event<RegisterChanged> changes;
    private final Metrics metrics;
    /** Changes counted by the status moved to: a move to VALID is a reinstatement, to VOIDED a replacement's voiding. */
    private final Map<CertificateStatus, Counter> changed = new EnumMap<>(CertificateStatus.class);

    StatusService(EntityManager em, Clock clock, AuditLog audit, StatusLists statusLists, PublicIds ids, Event<RegisterChanged> changes,
            Metrics metrics) {
        this.metrics = metrics;
        for (CertificateStatus to : CertificateStatus.values()) {
            changed.put(to, metrics.statusChanges(switch (to) {
                case VALID -> "reinstate";
                case SUSPENDED -> "suspend";
                case REVOKED -> "revoke";
                case VOIDED -> "void";
            }));
        }
        this.em = em;
        this.changes = changes;
        this.clock = clock;
        this.audit = audit;
        this.statusLists = statusLists;
        this.ids = ids;
    }

    @Transactional
    public CertificateView revoke(Authority authority, String actor, String number, StatusChangeRequest request) {
        RevocationReason reason = revocationReason(request);
        Certificate c = Certificate.ownedBy(authority, number);
        move(c, CertificateStatus.REVOKED, reason.name(), note(request), actor);
        if (reason == RevocationReason.FRAUD) {
            LocalDate today = today();
            DishonestyEntry entry = new DishonestyEntry();
            entry.authority = c.authority;
            entry.certificate = c;
            entry.holderIdHash = c.holderIdHash;
            entry.reason = reason.name();
            entry.startsOn = today;
            entry.endsOn = today.plusYears(DISHONESTY_YEARS);
            entry.createdAt = clock.instant();
            entry.persist();
            audit.append(actor, c.authority.code, "dishonesty.listed", c.number, Map.of("endsOn", entry.endsOn.toString()));
        }
        return CertificateView.of(c, ids);
    }

    @Transactional
    public CertificateView suspend(Authority authority, String actor, String number, StatusChangeRequest request) {
        Fields fields = new Fields();
        String reason = fields.optionalText("reason", request == null ? null : request.reason(), SUSPENSION_REASON_MAX);
        String note = fields.optionalText("note", request == null ? null : request.note(), NOTE_MAX);
        fields.throwIfInvalid("consequence.status-unchanged");
        Certificate c = Certificate.ownedBy(authority, number);
        move(c, CertificateStatus.SUSPENDED, reason, note, actor);
        return CertificateView.of(c, ids);
    }

    @Transactional
    public CertificateView reinstate(Authority authority, String actor, String number) {
        Certificate c = Certificate.ownedBy(authority, number);
        if (c.status != CertificateStatus.SUSPENDED) {
            throw new ProblemException(ProblemType.STATUS_CONFLICT, "detail.status.reinstate", c.status);
        }
        move(c, CertificateStatus.VALID, null, null, actor);
        return CertificateView.of(c, ids);
    }

    /** The one way any status changes; the caller's transaction makes it atomic with whatever else it does. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void move(Certificate certificate, CertificateStatus next, String reason, String note, String actor) {
        em.refresh(certificate, LockModeType.PESSIMISTIC_WRITE);
        CertificateStatus from = certificate.status;
        if (!from.canMoveTo(next)) {
            throw new ProblemException(ProblemType.STATUS_CONFLICT, from == CertificateStatus.REVOKED || from == CertificateStatus.VOIDED
                    ? "detail.status.final" : "detail.status.move", from, next);
        }
        Instant now = clock.instant();
        certificate.status = next;
        certificate.statusReason = reason;
        certificate.statusChangedAt = now;
        if (certificate.statusListId != null) {
            statusLists.changed(certificate.statusListId);
        }
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("from", from.name());
        detail.put("to", next.name());
        if (reason != null) {
            detail.put("reason", reason);
        }
        if (note != null) {
            detail.put("note", note);
        }
        audit.append(actor, certificate.authority.code, "certificate." + next.name().toLowerCase(Locale.ROOT), certificate.number, detail);
        changes.fire(RegisterChanged.written(em));
        metrics.afterCommit(changed.get(next)::increment);
    }

    private LocalDate today() {
        return clock.instant().atZone(ClockProducer.CHINA).toLocalDate();
    }

    private static RevocationReason revocationReason(StatusChangeRequest request) {
        if (request == null || request.reason() == null || request.reason().isBlank()) {
            throw invalid("reason", "reason.revocation.required", List.of(RevocationReason.values()));
        }
        try {
            return RevocationReason.valueOf(request.reason().strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw invalid("reason", "reason.one-of", List.of(RevocationReason.values()));
        }
    }

    private static String note(StatusChangeRequest request) {
        Fields fields = new Fields();
        String note = fields.optionalText("note", request == null ? null : request.note(), NOTE_MAX);
        fields.throwIfInvalid("consequence.status-unchanged");
        return note;
    }

    private static ProblemException invalid(String field, String reasonKey, Object... args) {
        return new ProblemException(ProblemType.VALIDATION_FAILED, List.of(Invalid.of(field, reasonKey, args)), "detail.invalid-names", field);
    }
}
