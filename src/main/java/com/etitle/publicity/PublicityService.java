package com.etitle.publicity;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;

import com.etitle.audit.AuditLog;
import com.etitle.authority.Authority;
import com.etitle.calendar.NoCalendarDataException;
import com.etitle.calendar.WorkingDays;
import com.etitle.certificate.IdNumbers;
import com.etitle.certificate.Level;
import com.etitle.certificate.PromotionType;
import com.etitle.committee.Committee;
import com.etitle.committee.CommitteeStatus;
import com.etitle.common.Fields;
import com.etitle.common.PageRequest;
import com.etitle.common.Paged;
import com.etitle.common.Invalid;
import com.etitle.common.ProblemException;
import com.etitle.common.ProblemType;

/** Opens results publicity notices and reads them back the way the public sees them. */
@ApplicationScoped
public class PublicityService {

    /** seed 001 §五(二) and seed 003 §(七): results are published for at least 5 working days. */
    public static final int MIN_WORKING_DAYS = 5;
    /** A cap against typing mistakes (50 for 5); six weeks is longer than any published rule asks. */
    public static final int MAX_WORKING_DAYS = 30;
    public static final int MAX_CANDIDATES = 500;
    /** A start a little in the past is a slow client, not a back-dated notice. */
    static final Duration START_TOLERANCE = Duration.ofMinutes(5);
    private static final LocalDate EARLIEST_VOTE = LocalDate.of(1950, 1, 1);

    private final Clock clock;
    private final WorkingDays workingDays;
    private final AuditLog audit;
    private final EntityManager em;

    PublicityService(Clock clock, WorkingDays workingDays, AuditLog audit, EntityManager em) {
        this.clock = clock;
        this.workingDays = workingDays;
        this.audit = audit;
        this.em = em;
    }

    /** Validates the whole request, computes the end from the calendar, stores the notice and its entries with an audit entry. */
    @Transactional
    public NoticeView open(Authority authority, String actor, OpenNoticeRequest r) {
        if (r == null) {
            throw new ProblemException(ProblemType.MALFORMED_REQUEST, "detail.body.required");
        }
        Instant now = clock.instant();
        Fields v = new Fields();
        Committee committee = committee(v, authority, r.committeeId());
        String title = v.text("title", r.title(), 200);
        LocalDate voteDate = v.voteDate("voteDate", r.voteDate(), WorkingDays.dateOf(now), EARLIEST_VOTE);
        Instant startsAt = v.instant("startsAt", r.startsAt());
        if (startsAt != null && startsAt.isBefore(now.minus(START_TOLERANCE))) {
            v.fail("startsAt", "reason.starts-at.past");
        } else if (startsAt != null && voteDate != null && WorkingDays.dateOf(startsAt).isBefore(voteDate)) {
            v.fail("startsAt", "reason.starts-at.before-vote", voteDate);
        }
        Integer days = r.workingDays();
        if (days == null) {
            v.fail("workingDays", "reason.required");
        } else if (days < MIN_WORKING_DAYS) {
            v.fail("workingDays", "reason.working-days.min", MIN_WORKING_DAYS);
        } else if (days > MAX_WORKING_DAYS) {
            v.fail("workingDays", "reason.at-most", MAX_WORKING_DAYS);
        }
        String phone = v.phone("contactPhone", r.contactPhone());
        String address = v.text("contactAddress", r.contactAddress(), 300);
        List<PublicityEntry> entries = candidates(v, r.candidates());
        v.throwIfInvalid("consequence.no-notice-opened");

        Instant start = startsAt.truncatedTo(ChronoUnit.MICROS);
        Instant end;
        try {
            end = workingDays.windowEnd(start, days);
        } catch (NoCalendarDataException e) {
            throw e.forField(workingDays.covers(WorkingDays.dateOf(start).getYear()) ? "workingDays" : "startsAt");
        }
        PublicityNotice notice = new PublicityNotice();
        notice.authority = authority;
        notice.committee = committee;
        notice.title = title;
        notice.voteDate = voteDate;
        notice.startsAt = start;
        notice.workingDays = days;
        notice.endsAt = end;
        notice.contactPhone = phone;
        notice.contactAddress = address;
        notice.createdAt = now.truncatedTo(ChronoUnit.MICROS);
        notice.createdBy = actor;
        notice.persist();
        entries.forEach(e -> {
            e.notice = notice;
            e.persist();
        });
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("committeeId", committee.id);
        detail.put("title", title);
        detail.put("voteDate", voteDate.toString());
        detail.put("startsAt", start.toString());
        detail.put("workingDays", days);
        detail.put("endsAt", end.toString());
        detail.put("entries", entries.size());
        audit.append(actor, authority.code, "publicity.notice-opened", subject(notice), detail);
        return view(notice, entries, now);
    }

    /** A published notice; an unknown one and one not yet started are both 404. */
    @Transactional
    public NoticeView get(long id) {
        Instant now = clock.instant();
        PublicityNotice notice = published(id, now);
        return view(notice, PublicityEntry.list("notice = ?1 order by position", notice), now);
    }

    /** Published notices, newest start first (ties by id), optionally only open or closed ones, or one committee's. */
    @Transactional
    public Paged<NoticeView.Summary> list(String state, Long committeeId, PageRequest paging) {
        NoticeState wanted = state(state);
        Instant now = clock.instant();
        StringBuilder where = new StringBuilder(" where n.startsAt <= :now");
        if (wanted == NoticeState.OPEN) {
            where.append(" and n.endsAt > :now");
        } else if (wanted == NoticeState.CLOSED) {
            where.append(" and n.endsAt <= :now");
        }
        if (committeeId != null) {
            where.append(" and n.committee.id = :committee");
        }
        TypedQuery<PublicityNotice> query = em.createQuery("select n from PublicityNotice n join fetch n.committee join fetch n.authority"
                + where + " order by n.startsAt desc, n.id desc", PublicityNotice.class);
        TypedQuery<Long> count = em.createQuery("select count(n) from PublicityNotice n" + where, Long.class);
        for (TypedQuery<?> q : List.of(query, count)) {
            q.setParameter("now", now);
            if (committeeId != null) {
                q.setParameter("committee", committeeId);
            }
        }
        List<PublicityNotice> notices = query.setFirstResult(paging.offset()).setMaxResults(paging.size()).getResultList();
        Map<Long, Long> entryCounts = entryCounts(notices);
        List<NoticeView.Summary> items = notices.stream().map(n -> new NoticeView.Summary(n.id, n.committee.id, n.committee.name,
                n.authority.code, n.title, n.voteDate, n.startsAt, n.workingDays, lastWorkingDay(n), n.endsAt, NoticeState.of(n, now),
                entryCounts.getOrDefault(n.id, 0L))).toList();
        return new Paged<>(items, paging.page(), paging.size(), count.getSingleResult());
    }

    /** The notice if the public may see it: it exists and has started. */
    PublicityNotice published(long id, Instant now) {
        PublicityNotice notice = PublicityNotice.findById(id);
        if (notice == null || now.isBefore(notice.startsAt)) {
            throw new ProblemException(ProblemType.NOT_FOUND, "detail.notice.unknown", id);
        }
        return notice;
    }

    /** One of the authority's notices, row-locked: objections, answers and documents of one notice take turns. */
    static PublicityNotice ownLocked(Authority authority, long id, EntityManager em) {
        PublicityNotice notice = em.find(PublicityNotice.class, id, LockModeType.PESSIMISTIC_WRITE);
        if (notice == null || !notice.authority.id.equals(authority.id)) {
            throw new ProblemException(ProblemType.NOT_FOUND, "detail.notice.not-yours", id);
        }
        return notice;
    }

    static String subject(PublicityNotice notice) {
        return "publicity-notice/" + notice.id;
    }

    private NoticeView view(PublicityNotice n, List<PublicityEntry> entries, Instant now) {
        NoticeState state = NoticeState.of(n, now);
        return new NoticeView(n.id, n.committee.id, n.committee.name, n.authority.code, n.title, n.voteDate, n.startsAt, n.workingDays,
                lastWorkingDay(n), n.endsAt, state, state == NoticeState.CLOSED ? 0 : workingDays.remaining(n.startsAt, n.endsAt),
                n.contactPhone, n.contactAddress, entries.stream().map(NoticeView.Entry::of).toList());
    }

    /** The end is 24:00 of the last working day, so that day is the one before the end's date. */
    private static LocalDate lastWorkingDay(PublicityNotice n) {
        return WorkingDays.dateOf(n.endsAt).minusDays(1);
    }

    private Committee committee(Fields v, Authority authority, Long id) {
        if (id == null) {
            v.fail("committeeId", "reason.required");
            return null;
        }
        Committee committee = Committee.findById(id);
        // another authority's committee is reported exactly like an unknown one: ids cannot be probed across authorities
        if (committee == null || !committee.authority.id.equals(authority.id)) {
            v.fail("committeeId", "reason.committee.not-yours", id);
            return null;
        }
        if (committee.status != CommitteeStatus.ACTIVE) {
            v.fail("committeeId", "reason.committee.not-active", committee.status);
        }
        return committee;
    }

    private static List<PublicityEntry> candidates(Fields v, List<OpenNoticeRequest.Candidate> candidates) {
        if (candidates == null || candidates.isEmpty()) {
            v.fail("candidates", "reason.candidates.none");
            return List.of();
        }
        if (candidates.size() > MAX_CANDIDATES) {
            v.fail("candidates", "reason.candidates.too-many", MAX_CANDIDATES);
            return List.of();
        }
        Set<String> ids = new HashSet<>();
        List<PublicityEntry> entries = new java.util.ArrayList<>();
        for (int i = 0; i < candidates.size(); i++) {
            OpenNoticeRequest.Candidate c = candidates.get(i);
            Fields f = v.nested("candidates/" + i + "/");
            if (c == null) {
                v.fail("candidates/" + i, "reason.object");
                continue;
            }
            PublicityEntry e = new PublicityEntry();
            e.position = i + 1;
            e.title.holderName = f.text("name", c.name(), 50);
            e.title.holderIdNumber = IdNumbers.check(f, "holderIdNumber", c.holderIdNumber());
            if (!e.title.holderIdNumber.isEmpty() && !ids.add(e.title.holderIdNumber)) {
                f.fail("holderIdNumber", "reason.candidates.twice");
            }
            e.title.workUnit = f.text("workUnit", c.workUnit(), 200);
            e.title.series = f.text("series", c.series(), 50);
            e.title.specialty = f.text("specialty", c.specialty(), 100);
            e.title.qualificationName = f.text("qualificationName", c.qualificationName(), 50);
            e.title.level = f.choice("level", c.level(), Level.class);
            e.title.promotionType = f.choice("promotionType", c.promotionType(), PromotionType.class);
            entries.add(e);
        }
        return entries;
    }

    private static NoticeState state(String state) {
        if (state == null || state.isBlank()) {
            return null;
        }
        return switch (state.strip().toLowerCase(Locale.ROOT)) {
            case "open" -> NoticeState.OPEN;
            case "closed" -> NoticeState.CLOSED;
            default -> throw new ProblemException(ProblemType.INVALID_QUERY,
                    List.of(Invalid.of("state", "reason.state")), "detail.state");
        };
    }

    private Map<Long, Long> entryCounts(List<PublicityNotice> notices) {
        Map<Long, Long> counts = new HashMap<>();
        if (notices.isEmpty()) {
            return counts;
        }
        em.createQuery("select e.notice.id, count(e) from PublicityEntry e where e.notice.id in :ids group by e.notice.id", Object[].class)
                .setParameter("ids", notices.stream().map(n -> n.id).toList())
                .getResultList()
                .forEach(row -> counts.put((Long) row[0], (Long) row[1]));
        return counts;
    }
}
