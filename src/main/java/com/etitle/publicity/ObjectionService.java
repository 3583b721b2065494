package com.etitle.publicity;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import com.etitle.audit.AuditLog;
import com.etitle.authority.Authority;
import com.etitle.calendar.WorkingDays;
import com.etitle.common.Fields;
import com.etitle.common.ProblemException;
import com.etitle.common.ProblemType;

/**
 * Objections (异议, seed 001 §五(三)): filed in writing with real name and contact before the notice ends,
 * each logged, investigated and answered in writing. Every step of one notice locks the notice row, so an
 * objection filed in the last instant and a qualification document issued right after the end cannot
 * pass each other.
 */
@ApplicationScoped
public class ObjectionService {

    /** Crockford's base32 without I, L, O, U: nothing to misread when a receipt is read out on the phone. */
    private static final char[] RECEIPT_ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ".toCharArray();
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Clock clock;
    private final AuditLog audit;
    private final EntityManager em;
    private final PublicityService notices;

    ObjectionService(Clock clock, AuditLog audit, EntityManager em, PublicityService notices) {
        this.clock = clock;
        this.audit = audit;
        this.em = em;
        this.notices = notices;
    }

    /** Files a public objection while the notice is open: from its start until strictly before its end. */
    @Transactional
    public ObjectionReceipt file(long noticeId, ObjectionRequest r) {
        PublicityNotice notice = notices.published(noticeId, clock.instant());
        em.lock(notice, LockModeType.PESSIMISTIC_WRITE);
        Instant now = clock.instant();
        if (!now.isBefore(notice.endsAt)) {
            throw new ProblemException(ProblemType.PUBLICITY_NOT_OPEN, "detail.publicity.ended", notice.endsAt,
                    WorkingDays.dateOf(notice.endsAt).minusDays(1));
        }
        if (r == null) {
            throw new ProblemException(ProblemType.MALFORMED_REQUEST, "detail.body.required");
        }
        Fields v = new Fields();
        String name = v.text("objectorName", r.objectorName(), 2, 50, true);
        String contact = v.phoneOrEmail("contact", r.contact());
        String reason = v.multilineText("reason", r.reason(), 10, 2000);
        PublicityEntry entry = entry(v, notice, r.entryId(), r.entryPosition());
        v.throwIfInvalid("consequence.objection-not-filed");
        if (entry.withdrawn) {
            throw new ProblemException(ProblemType.ENTRY_WITHDRAWN, "detail.entry.withdrawn", entry.position);
        }
        Objection o = new Objection();
        o.notice = notice;
        o.entry = entry;
        o.receiptNumber = freshReceipt(now);
        o.objectorName = name;
        o.objectorContact = contact;
        o.reason = reason;
        o.status = ObjectionStatus.RECEIVED;
        o.receivedAt = now.truncatedTo(ChronoUnit.MICROS);
        o.persist();
        // who objected stays out of the log's detail; the receipt leads to the row for those allowed to read it
        audit.append("public", notice.authority.code, "publicity.objection-received", "objection/" + o.receiptNumber,
                Map.of("noticeId", notice.id, "entryId", entry.id, "entryPosition", entry.position));
        return new ObjectionReceipt(o.receiptNumber, notice.id, entry.id, entry.position, o.receivedAt, o.status);
    }

    /** Every objection to one of the authority's notices, oldest first, with the objectors' contacts. */
    @Transactional
    public List<ObjectionView> list(Authority authority, long noticeId) {
        PublicityNotice notice = PublicityNotice.findById(noticeId);
        if (notice == null || !notice.authority.id.equals(authority.id)) {
            throw new ProblemException(ProblemType.NOT_FOUND, "detail.notice.not-yours", noticeId);
        }
        return Objection.<Objection>list("notice = ?1 order by receivedAt, id", notice).stream().map(ObjectionView::of).toList();
    }

    /** Records the finding and the written reply; UPHELD withdraws the entry. Answering twice is a conflict. */
    @Transactional
    public ObjectionView answer(Authority authority, String actor, long noticeId, String receiptNumber, AnswerRequest r) {
        PublicityNotice notice = PublicityService.ownLocked(authority, noticeId, em);
        Objection o = Objection.<Objection>find("notice = ?1 and receiptNumber = ?2", notice, receiptNumber).firstResult();
        if (o == null) {
            throw new ProblemException(ProblemType.NOT_FOUND, "detail.objection.unknown", noticeId, receiptNumber);
        }
        if (o.status != ObjectionStatus.RECEIVED) {
            throw new ProblemException(ProblemType.OBJECTION_ALREADY_ANSWERED, "detail.objection.answered", receiptNumber, o.status, o.answeredAt);
        }
        if (r == null) {
            throw new ProblemException(ProblemType.MALFORMED_REQUEST, "detail.body.required");
        }
        Fields v = new Fields();
        ObjectionStatus outcome = v.choice("outcome", r.outcome(), ObjectionStatus.class);
        if (outcome == ObjectionStatus.RECEIVED) {
            v.fail("outcome", "reason.outcome");
        }
        String result = v.multilineText("investigationResult", r.investigationResult(), 1, 2000);
        String reply = v.multilineText("reply", r.reply(), 1, 2000);
        v.throwIfInvalid("consequence.objection-not-answered");

        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        o.status = outcome;
        o.investigationResult = result;
        o.reply = reply;
        o.answeredAt = now;
        o.answeredBy = actor;
        boolean withdrawn = outcome == ObjectionStatus.UPHELD && !o.entry.withdrawn;
        if (withdrawn) {
            o.entry.withdrawn = true;
        }
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("noticeId", notice.id);
        detail.put("entryId", o.entry.id);
        detail.put("outcome", outcome.name());
        detail.put("entryWithdrawn", withdrawn);
        audit.append(actor, authority.code, "publicity.objection-answered", "objection/" + o.receiptNumber, detail);
        return ObjectionView.of(o);
    }

    /** The entry named by id or by position (exactly one of them), on this notice. */
    static PublicityEntry entry(Fields v, PublicityNotice notice, Long id, Integer position) {
        if ((id == null) == (position == null)) {
            v.fail(id == null ? "entryId" : "entryPosition", "reason.entry.one-of");
            return null;
        }
        PublicityEntry entry = id != null
                ? PublicityEntry.<PublicityEntry>find("id = ?1 and notice = ?2", id, notice).firstResult()
                : PublicityEntry.<PublicityEntry>find("position = ?1 and notice = ?2", position, notice).firstResult();
        if (entry == null) {
            if (id != null) {
                v.fail("entryId", "reason.entry.no-id", notice.id, id);
            } else {
                v.fail("entryPosition", "reason.entry.no-position", notice.id, position);
            }
        }
        return entry;
    }

    private static String freshReceipt(Instant now) {
        for (int attempt = 0; attempt < 5; attempt++) {
            String receipt = receipt(WorkingDays.dateOf(now).getYear());
            if (Objection.count("receiptNumber", receipt) == 0) {
                return receipt;
            }
        }
        throw new IllegalStateException("no free receipt number after 5 random draws");
    }

    /** {@code YY<year>-XXXX-XXXX-XXXX}: 60 random bits, so receipts neither reveal volume nor can be guessed. */
    static String receipt(int year) {
        StringBuilder s = new StringBuilder("YY").append(year);
        for (int group = 0; group < 3; group++) {
            s.append('-');
            for (int i = 0; i < 4; i++) {
                s.append(RECEIPT_ALPHABET[RANDOM.nextInt(RECEIPT_ALPHABET.length)]);
            }
        }
        return s.toString();
    }
}
