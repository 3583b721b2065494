package com.etitle.reissue;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import com.etitle.audit.AuditLog;
import com.etitle.authority.Authority;
import com.etitle.certificate.Certificate;
import com.etitle.certificate.CertificateService;
import com.etitle.certificate.CertificateStatus;
import com.etitle.common.Fields;
import com.etitle.common.PageRequest;
import com.etitle.common.Paged;
import com.etitle.common.ProblemException;
import com.etitle.common.ProblemType;
import com.etitle.holder.Holder;
import com.etitle.status.StatusService;
import com.etitle.voidnotice.VoidNoticeService;

import io.quarkus.hibernate.orm.panache.PanacheQuery;

/**
 * Lost-certificate reissue (遗失补办). Seed 001 §七(三): 遗失证书 … 不再要求出具单位公函和个人登报声明,只需填写…申领表;
 * 遗失证书作废声明由州人社局或省职改办定期在门户网站公布. So an application is the form and the holder's
 * declaration; approving it voids the old certificate, issues its replacement and queues the void
 * declaration for the next void notice, all in one transaction.
 */
@ApplicationScoped
public class ReissueService {

    private final EntityManager em;
    private final Clock clock;
    private final AuditLog audit;
    private final StatusService statusService;
    private final CertificateService certificates;
    private final VoidNoticeService voidNotices;

    ReissueService(EntityManager em, Clock clock, AuditLog audit, StatusService statusService, CertificateService certificates,
            VoidNoticeService voidNotices) {
        this.em = em;
        this.clock = clock;
        this.audit = audit;
        this.statusService = statusService;
        this.certificates = certificates;
        this.voidNotices = voidNotices;
    }

    @Transactional
    public ReissueApplicationView apply(Authority authority, String actor, ReissueRequest request) {
        if (request == null) {
            throw new ProblemException(ProblemType.MALFORMED_REQUEST, "detail.body.required");
        }
        Fields fields = new Fields();
        String number = fields.text("certificateNumber", request.certificateNumber(), 32);
        ReissueReason reason = fields.choice("reason", request.reason(), ReissueReason.class);
        String declaration = fields.multilineText("declaration", request.declaration(), 10, 2000);
        fields.throwIfInvalid("consequence.nothing-filed");
        return file(Certificate.ownedBy(authority, number), reason, declaration, null, ReissueApplication.FiledBy.ISSUER, actor);
    }

    /**
     * The holder's own application, filed online: a certificate they do not hold answers 404 like an unknown number.
     * The authority's issuers see it in their list and decide it as any other.
     */
    @Transactional
    public ReissueApplicationView applyAsHolder(Holder holder, String number, HolderReissueRequest request) {
        if (request == null) {
            throw new ProblemException(ProblemType.MALFORMED_REQUEST, "detail.body.required");
        }
        Fields fields = new Fields();
        ReissueReason reason = fields.choice("reason", request.reason(), ReissueReason.class);
        String declaration = fields.multilineText("declaration", request.declaration(), 10, 2000);
        String contact = fields.phoneOrEmail("contact", request.contact());
        fields.throwIfInvalid("consequence.nothing-filed");
        return file(holder.certificate(number), reason, declaration, contact, ReissueApplication.FiledBy.HOLDER, "holder");
    }

    /** The holder's applications for one of their certificates, newest first. */
    @Transactional
    public List<ReissueApplicationView> listForHolder(Holder holder, String number) {
        Certificate certificate = holder.certificate(number);
        return ReissueApplication.<ReissueApplication>find("certificate = ?1 order by createdAt desc, id desc", certificate).stream()
                .map(ReissueApplicationView::of).toList();
    }

    /** The authority's applications, of one status or all, oldest first: the queue an issuer works through. */
    @Transactional
    public Paged<ReissueApplicationView> list(Authority authority, ReissueStatus status, PageRequest paging) {
        PanacheQuery<ReissueApplication> query = status == null
                ? ReissueApplication.find("authority = ?1 order by createdAt, id", authority)
                : ReissueApplication.find("authority = ?1 and status = ?2 order by createdAt, id", authority, status);
        long total = query.count();
        List<ReissueApplicationView> items = query.page(paging.page(), paging.size()).list().stream().map(ReissueApplicationView::of).toList();
        return new Paged<>(items, paging.page(), paging.size(), total);
    }

    private ReissueApplicationView file(Certificate certificate, ReissueReason reason, String declaration, String contact,
            ReissueApplication.FiledBy filedBy, String actor) {
        // Held to the end of the transaction: two applications for one certificate are checked one after the other.
        em.refresh(certificate, LockModeType.PESSIMISTIC_WRITE);
        if (certificate.status != CertificateStatus.VALID) {
            throw new ProblemException(ProblemType.STATUS_CONFLICT, "detail.reissue.not-valid", certificate.status);
        }
        ReissueApplication.<ReissueApplication>find("certificate = ?1 and status = ?2", certificate, ReissueStatus.PENDING)
                .firstResultOptional()
                .ifPresent(open -> {
                    throw new ProblemException(ProblemType.REISSUE_CONFLICT, filedBy == ReissueApplication.FiledBy.HOLDER
                            ? "detail.reissue.open.holder" : "detail.reissue.open.issuer", open.id);
                });
        ReissueApplication a = new ReissueApplication();
        a.authority = certificate.authority;
        a.certificate = certificate;
        a.reason = reason;
        a.declaration = declaration;
        a.contact = contact;
        a.filedBy = filedBy;
        a.status = ReissueStatus.PENDING;
        a.createdAt = now();
        a.createdBy = actor;
        a.persist();
        // never the contact: the audit chain is read by auditors of every authority
        audit.append(actor, certificate.authority.code, "reissue.applied", certificate.number,
                Map.of("application", a.id, "reason", reason.name(), "filedBy", filedBy.name()));
        return ReissueApplicationView.of(a);
    }

    /**
     * Voids the old certificate, issues its replacement and queues the void declaration. The application
     * row is locked first, so concurrent approvals run one after the other and the later ones find it
     * approved: every approval answers with the same replacement.
     */
    @Transactional
    public ReissueApplicationView approve(Authority authority, String actor, long id) {
        ReissueApplication a = owned(authority, id, LockModeType.PESSIMISTIC_WRITE);
        if (a.status == ReissueStatus.APPROVED) {
            return ReissueApplicationView.of(a);
        }
        if (a.status == ReissueStatus.REJECTED) {
            throw new ProblemException(ProblemType.REISSUE_CONFLICT, "detail.reissue.rejected");
        }
        Certificate old = a.certificate;
        statusService.move(old, CertificateStatus.VOIDED, a.reason.name(), null, actor);
        Certificate replacement = certificates.reissue(old, actor);
        voidNotices.queue(old, a.reason.name());
        a.newCertificate = replacement;
        decide(a, ReissueStatus.APPROVED, actor);
        audit.append(actor, old.authority.code, "reissue.approved", old.number,
                Map.of("application", a.id, "newCertificate", replacement.number));
        return ReissueApplicationView.of(a);
    }

    /** Records the refusal; repeating it answers the recorded one, and an approved application cannot be rejected. */
    @Transactional
    public ReissueApplicationView reject(Authority authority, String actor, long id, RejectionRequest request) {
        Fields fields = new Fields();
        String reason = fields.multilineText("reason", request == null ? null : request.reason(), 1, 500);
        fields.throwIfInvalid("consequence.nothing-decided");
        ReissueApplication a = owned(authority, id, LockModeType.PESSIMISTIC_WRITE);
        if (a.status == ReissueStatus.REJECTED) {
            return ReissueApplicationView.of(a);
        }
        if (a.status == ReissueStatus.APPROVED) {
            throw new ProblemException(ProblemType.REISSUE_CONFLICT, "detail.reissue.approved");
        }
        a.rejectionReason = reason;
        decide(a, ReissueStatus.REJECTED, actor);
        audit.append(actor, a.certificate.authority.code, "reissue.rejected", a.certificate.number,
                Map.of("application", a.id, "reason", reason));
        return ReissueApplicationView.of(a);
    }

    @Transactional
    public ReissueApplicationView get(Authority authority, long id) {
        return ReissueApplicationView.of(owned(authority, id, LockModeType.NONE));
    }

    /** Another authority's application answers like an unknown one. */
    private ReissueApplication owned(Authority authority, long id, LockModeType lock) {
        ReissueApplication a = em.find(ReissueApplication.class, id, lock);
        if (a == null || !a.authority.id.equals(authority.id)) {
            throw new ProblemException(ProblemType.NOT_FOUND, "detail.reissue.unknown");
        }
        return a;
    }

    /** PostgreSQL keeps microseconds: an answer given now shows what a later read shows. */
    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    private void decide(ReissueApplication a, ReissueStatus status, String actor) {
        a.status = status;
        a.decidedAt = now();
        a.decidedBy = actor;
    }
}
