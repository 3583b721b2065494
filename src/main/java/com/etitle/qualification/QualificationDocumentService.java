package com.etitle.qualification;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;

import com.etitle.audit.AuditLog;
import com.etitle.authority.Authority;
import com.etitle.calendar.WorkingDays;
import com.etitle.certificate.EffectiveScope;
import com.etitle.common.Fields;
import com.etitle.common.PageRequest;
import com.etitle.common.Paged;
import com.etitle.common.Invalid;
import com.etitle.common.ProblemException;
import com.etitle.common.ProblemType;
import com.etitle.publicity.Objection;
import com.etitle.publicity.ObjectionStatus;
import com.etitle.publicity.PublicityEntry;
import com.etitle.publicity.PublicityNotice;

/**
 * Qualification documents (资格文件, seed 001 §四(五)): issued once a notice has ended with every objection
 * answered, naming each entry not withdrawn; every qualification counts from the vote date.
 */
@ApplicationScoped
public class QualificationDocumentService {

    private final Clock clock;
    private final AuditLog audit;
    private final EntityManager em;

    QualificationDocumentService(Clock clock, AuditLog audit, EntityManager em) {
        this.clock = clock;
        this.audit = audit;
        this.em = em;
    }

    @Transactional
    public QualificationDocumentView issue(Authority authority, String actor, QualificationDocumentRequest r) {
        if (r == null) {
            throw new ProblemException(ProblemType.MALFORMED_REQUEST, "detail.body.required");
        }
        PublicityNotice notice = notice(authority, r.noticeId());
        Instant now = clock.instant();
        if (now.isBefore(notice.endsAt)) {
            throw new ProblemException(ProblemType.NOTICE_NOT_FINISHED, "detail.notice.still-open", notice.id, notice.endsAt);
        }
        long unanswered = Objection.count("notice = ?1 and status = ?2", notice, ObjectionStatus.RECEIVED);
        if (unanswered > 0) {
            throw new ProblemException(ProblemType.NOTICE_NOT_FINISHED,
                    unanswered == 1 ? "detail.notice.unanswered.one" : "detail.notice.unanswered.many", notice.id, unanswered);
        }
        if (QualificationDocument.count("notice", notice) > 0) {
            throw new ProblemException(ProblemType.DUPLICATE, "detail.notice.has-document", notice.id);
        }

        Fields v = new Fields();
        String number = v.text("documentNumber", r.documentNumber(), 100);
        LocalDate date = v.date("documentDate", r.documentDate());
        LocalDate ended = WorkingDays.dateOf(notice.endsAt);
        LocalDate today = WorkingDays.dateOf(now);
        if (date != null && date.isBefore(ended)) {
            v.fail("documentDate", "reason.document-date.before-end", ended);
        } else if (date != null && date.isAfter(today)) {
            v.fail("documentDate", "reason.after-today", today);
        }
        Map<PublicityEntry, EffectiveScope> lines = lines(v, notice, r.entries());
        v.throwIfInvalid("consequence.no-document-issued");
        if (number != null && QualificationDocument.count("authority = ?1 and documentNumber = ?2", authority, number) > 0) {
            throw new ProblemException(ProblemType.DUPLICATE, List.of(Invalid.of("documentNumber", "reason.document-number.used")),
                    "detail.document-number.used", number);
        }

        QualificationDocument d = new QualificationDocument();
        d.authority = authority;
        d.notice = notice;
        d.committee = notice.committee;
        d.documentNumber = number;
        d.documentDate = date;
        d.voteDate = notice.voteDate;
        d.createdAt = now.truncatedTo(ChronoUnit.MICROS);
        d.createdBy = actor;
        d.persist();
        List<QualificationDocumentEntry> entries = new ArrayList<>();
        lines.forEach((entry, scope) -> {
            QualificationDocumentEntry e = new QualificationDocumentEntry();
            e.document = d;
            e.publicityEntry = entry;
            e.position = entry.position;
            e.title = entry.title.copy();
            e.effectiveScope = scope;
            e.persist();
            entries.add(e);
        });
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("documentNumber", number);
        detail.put("documentDate", date.toString());
        detail.put("noticeId", notice.id);
        detail.put("qualificationDate", d.voteDate.toString());
        detail.put("entries", entries.size());
        audit.append(actor, authority.code, "qualification.document-issued", "qualification-document/" + d.id, detail);
        return view(d, entries);
    }

    @Transactional
    public QualificationDocumentView get(long id) {
        QualificationDocument d = QualificationDocument.findById(id);
        if (d == null) {
            throw new ProblemException(ProblemType.NOT_FOUND, "detail.document.unknown", id);
        }
        return view(d, QualificationDocumentEntry.list("document = ?1 order by position", d));
    }

    /** Documents, newest first (ties by id), by committee, by year of the document date, and by a text in number, committee or name. */
    @Transactional
    public Paged<QualificationDocumentView.Summary> list(Long committeeId, Integer year, String q, PageRequest paging) {
        if (year != null && (year < 1950 || year > 2100)) {
            throw new ProblemException(ProblemType.INVALID_QUERY, List.of(Invalid.of("year", "reason.year.range")), "detail.year.range");
        }
        String text = Fields.strip(q);
        if (text != null && text.codePointCount(0, text.length()) > 50) {
            throw new ProblemException(ProblemType.INVALID_QUERY, List.of(Invalid.of("q", "reason.q.length")), "detail.q.length");
        }
        StringBuilder where = new StringBuilder(" where 1 = 1");
        Map<String, Object> params = new HashMap<>();
        if (committeeId != null) {
            where.append(" and d.committee.id = :committee");
            params.put("committee", committeeId);
        }
        if (year != null) {
            where.append(" and d.documentDate >= :from and d.documentDate < :until");
            params.put("from", LocalDate.of(year, 1, 1));
            params.put("until", LocalDate.of(year + 1, 1, 1));
        }
        if (text != null) {
            where.append(" and (lower(d.documentNumber) like :q escape '\\' or lower(d.committee.name) like :q escape '\\'"
                    + " or exists (select 1 from QualificationDocumentEntry e where e.document = d and lower(e.title.holderName) like :q escape '\\'))");
            params.put("q", "%" + text.toLowerCase(java.util.Locale.ROOT).replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
        }
        TypedQuery<QualificationDocument> query = em.createQuery("select d from QualificationDocument d join fetch d.committee join fetch d.authority"
                + where + " order by d.documentDate desc, d.id desc", QualificationDocument.class);
        TypedQuery<Long> count = em.createQuery("select count(d) from QualificationDocument d" + where, Long.class);
        params.forEach((name, value) -> {
            query.setParameter(name, value);
            count.setParameter(name, value);
        });
        List<QualificationDocument> documents = query.setFirstResult(paging.offset()).setMaxResults(paging.size()).getResultList();
        Map<Long, Long> counts = new HashMap<>();
        if (!documents.isEmpty()) {
            em.createQuery("select e.document.id, count(e) from QualificationDocumentEntry e where e.document.id in :ids group by e.document.id",
                    Object[].class).setParameter("ids", documents.stream().map(d -> d.id).toList()).getResultList()
                    .forEach(row -> counts.put((Long) row[0], (Long) row[1]));
        }
        List<QualificationDocumentView.Summary> items = documents.stream().map(d -> new QualificationDocumentView.Summary(d.id, d.documentNumber, d.documentDate,
                d.voteDate, d.committee.id, d.committee.name, d.authority.code, d.notice.id, counts.getOrDefault(d.id, 0L))).toList();
        return new Paged<>(items, paging.page(), paging.size(), count.getSingleResult());
    }

    /** The authority's notice, row-locked so that no objection can slip in while the document is written. */
    private PublicityNotice notice(Authority authority, Long id) {
        if (id == null) {
            throw new ProblemException(ProblemType.VALIDATION_FAILED, List.of(Invalid.of("noticeId", "reason.required")), "detail.notice-id.required");
        }
        PublicityNotice notice = em.find(PublicityNotice.class, id, LockModeType.PESSIMISTIC_WRITE);
        if (notice == null || !notice.authority.id.equals(authority.id)) {
            throw new ProblemException(ProblemType.VALIDATION_FAILED, List.of(Invalid.of("noticeId", "reason.notice.not-yours", id)),
                    "detail.notice.not-yours", id);
        }
        return notice;
    }

    /** Each line resolved to its entry, in notice order; every entry not withdrawn must be named exactly once. */
    private static Map<PublicityEntry, EffectiveScope> lines(Fields v, PublicityNotice notice, List<QualificationDocumentRequest.Line> lines) {
        List<PublicityEntry> all = PublicityEntry.list("notice = ?1 order by position", notice);
        if (all.stream().allMatch(e -> e.withdrawn)) {
            v.fail("entries", "reason.entries.all-withdrawn", notice.id);
            return Map.of();
        }
        if (lines == null || lines.isEmpty()) {
            v.fail("entries", "reason.entries.list-all");
            return Map.of();
        }
        Map<Long, PublicityEntry> byId = new HashMap<>();
        Map<Integer, PublicityEntry> byPosition = new HashMap<>();
        all.forEach(e -> {
            byId.put(e.id, e);
            byPosition.put(e.position, e);
        });
        Map<Integer, PublicityEntry> named = new TreeMap<>();
        Map<PublicityEntry, EffectiveScope> scopes = new HashMap<>();
        for (int i = 0; i < lines.size(); i++) {
            QualificationDocumentRequest.Line line = lines.get(i);
            Fields f = v.nested("entries/" + i + "/");
            if (line == null) {
                v.fail("entries/" + i, "reason.object");
                continue;
            }
            EffectiveScope scope = f.choice("effectiveScope", line.effectiveScope(), EffectiveScope.class);
            if ((line.entryId() == null) == (line.entryPosition() == null)) {
                f.fail("entryId", "reason.entry.one-of");
                continue;
            }
            PublicityEntry entry = line.entryId() != null ? byId.get(line.entryId()) : byPosition.get(line.entryPosition());
            String field = line.entryId() != null ? "entryId" : "entryPosition";
            if (entry == null) {
                f.fail(field, "reason.entry.unknown", notice.id);
            } else if (entry.withdrawn) {
                f.fail(field, "reason.entry.withdrawn", entry.position);
            } else if (named.put(entry.position, entry) != null) {
                f.fail(field, "reason.entry.twice", entry.position);
            } else {
                scopes.put(entry, scope);
            }
        }
        List<Integer> missing = all.stream().filter(e -> !e.withdrawn && !named.containsKey(e.position)).map(e -> e.position).toList();
        if (!missing.isEmpty()) {
            v.fail("entries", "reason.entries.missing", missing);
        }
        Map<PublicityEntry, EffectiveScope> ordered = new LinkedHashMap<>();
        named.values().forEach(e -> ordered.put(e, scopes.get(e)));
        return ordered;
    }

    private static QualificationDocumentView view(QualificationDocument d, List<QualificationDocumentEntry> entries) {
        return new QualificationDocumentView(d.id, d.documentNumber, d.documentDate, d.voteDate, d.committee.id, d.committee.name, d.authority.code,
                d.notice.id, entries.stream().map(e -> QualificationDocumentView.Entry.of(e, d.voteDate)).toList());
    }
}
