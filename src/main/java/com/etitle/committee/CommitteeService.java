package com.etitle.committee;

import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;

import com.etitle.audit.AuditLog;
import com.etitle.authority.Authority;
import com.etitle.common.ClockProducer;
import com.etitle.common.ProblemException;
import com.etitle.common.ProblemType;
import com.etitle.common.PublicAnswers;

/** Files and updates committees for their own authority, and reads them for the public side. */
@ApplicationScoped
public class CommitteeService {

    private static final String VIEW = "select new com.etitle.committee.CommitteeView(c.id, a.code, c.code, c.name, c.level, c.series,"
            + " c.specialtyScope, c.managingDepartment, c.approvingAuthority, c.region, c.contactPhone, c.contactAddress,"
            + " c.filingNumber, c.status, c.establishedOn) from Committee c join c.authority a";
    private static final String CODE_CONSTRAINT = "committee_code_uk";

    private final Clock clock;
    private final AuditLog audit;
    private final EntityManager em;
    private final PublicAnswers answers;

    CommitteeService(Clock clock, AuditLog audit, EntityManager em, PublicAnswers answers) {
        this.clock = clock;
        this.audit = audit;
        this.answers = answers;
        this.em = em;
    }

    @Transactional
    public CommitteeView file(Authority authority, String actor, CommitteeRequest request) {
        Instant now = now();
        CommitteeValidator.ValidCommittee valid = CommitteeValidator.validate(request, today(now));
        refuseTakenCode(authority, valid.code(), null);
        Committee c = new Committee();
        c.authority = authority;
        apply(c, valid);
        c.createdAt = now;
        c.updatedAt = now;
        c.version = 0;
        persistOrRefuseTakenCode(c, true);
        audit.append(actor, authority.code, "committee.filed", subject(c), Map.of("code", c.code, "status", c.status.name()));
        return CommitteeView.of(c, authority.code);
    }

    /**
     * A full update under a row lock, so the If-Match check and the write see the same row. Another
     * authority's committee is indistinguishable from an unknown id. An update that changes nothing
     * writes nothing: no new version, no audit entry.
     */
    @Transactional
    public CommitteeView update(Authority authority, String actor, String id, String ifMatch, CommitteeRequest request) {
        Committee c = parseId(id)
                .map(key -> em.find(Committee.class, key, LockModeType.PESSIMISTIC_WRITE))
                .filter(found -> found.authority.id.equals(authority.id))
                .orElseThrow(() -> notFound("detail.committee.not-yours"));
        if (!answers.tagged(CommitteeView.of(c, authority.code)).satisfiesIfMatch(ifMatch)) {
            throw new ProblemException(ProblemType.PRECONDITION_FAILED, "detail.committee.changed");
        }
        Instant now = now();
        CommitteeValidator.ValidCommittee valid = CommitteeValidator.validate(request, today(now));
        refuseTakenCode(authority, valid.code(), c.id);
        String statusBefore = c.status.name();
        List<String> changed = apply(c, valid);
        if (!changed.isEmpty()) {
            c.updatedAt = now;
            c.version++;
            persistOrRefuseTakenCode(c, false);
            Map<String, Object> detail = new LinkedHashMap<>();
            detail.put("code", c.code);
            detail.put("changed", changed);
            if (changed.contains("status")) {
                detail.put("statusBefore", statusBefore);
                detail.put("status", c.status.name());
            }
            audit.append(actor, authority.code, "committee.updated", subject(c), detail);
        }
        return CommitteeView.of(c, authority.code);
    }

    @Transactional
    public Optional<CommitteeView> get(long id) {
        return em.createQuery(VIEW + " where c.id = :id", CommitteeView.class).setParameter("id", id).getResultStream().findFirst();
    }

    /** Every committee as published, in id order: what a {@link CommitteeSnapshot} is made of. */
    @Transactional
    public List<CommitteeView> published() {
        return em.createQuery(VIEW + " order by c.id", CommitteeView.class).getResultList();
    }

    private void refuseTakenCode(Authority authority, String code, Long exceptId) {
        long taken = Committee.count("authority.id = ?1 and code = ?2 and id <> ?3", authority.id, code, exceptId == null ? -1L : exceptId);
        if (taken > 0) {
            throw codeTaken(code);
        }
    }

    /** The check above misses a concurrent filing of the same code; the unique constraint catches it here. */
    private void persistOrRefuseTakenCode(Committee c, boolean isNew) {
        try {
            if (isNew) {
                c.persist();
            }
            em.flush();
        } catch (PersistenceException e) {
            if (violates(e, CODE_CONSTRAINT)) {
                throw codeTaken(c.code);
            }
            throw e;
        }
    }

    private static boolean violates(Throwable e, String constraint) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof org.hibernate.exception.ConstraintViolationException violation
                    && constraint.equals(violation.getConstraintName())) {
                return true;
            }
            if (t instanceof SQLException sql && "23505".equals(sql.getSQLState()) && String.valueOf(sql.getMessage()).contains(constraint)) {
                return true;
            }
        }
        return false;
    }

    private static ProblemException codeTaken(String code) {
        return new ProblemException(ProblemType.COMMITTEE_CODE_TAKEN, "detail.committee.code-taken", code);
    }

    private static ProblemException notFound(String detailKey) {
        return new ProblemException(ProblemType.NOT_FOUND, detailKey);
    }

    /** Ids are positive longs; anything else cannot name a committee and answers like an unknown id. */
    static Optional<Long> parseId(String id) {
        if (id == null || !id.matches("[1-9][0-9]{0,17}")) {
            return Optional.empty();
        }
        return Optional.of(Long.parseLong(id));
    }

    /** Sets every field and returns the names of those whose value changed. */
    private static List<String> apply(Committee c, CommitteeValidator.ValidCommittee v) {
        List<String> changed = new ArrayList<>();
        c.name = set(changed, "name", c.name, v.name());
        c.code = set(changed, "code", c.code, v.code());
        c.level = set(changed, "level", c.level, v.level());
        c.series = set(changed, "series", c.series, v.series());
        c.specialtyScope = set(changed, "specialtyScope", c.specialtyScope, v.specialtyScope());
        c.managingDepartment = set(changed, "managingDepartment", c.managingDepartment, v.managingDepartment());
        c.approvingAuthority = set(changed, "approvingAuthority", c.approvingAuthority, v.approvingAuthority());
        c.region = set(changed, "region", c.region, v.region());
        c.contactPhone = set(changed, "contactPhone", c.contactPhone, v.contactPhone());
        c.contactAddress = set(changed, "contactAddress", c.contactAddress, v.contactAddress());
        c.filingNumber = set(changed, "filingNumber", c.filingNumber, v.filingNumber());
        c.status = set(changed, "status", c.status, v.status());
        c.establishedOn = set(changed, "establishedOn", c.establishedOn, v.establishedOn());
        return changed;
    }

    private static <T> T set(List<String> changed, String field, T before, T after) {
        if (!Objects.equals(before, after)) {
            changed.add(field);
        }
        return after;
    }

    private static String subject(Committee c) {
        return "committee/" + c.id;
    }

    private Instant now() {
        // PostgreSQL keeps microseconds
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    private static LocalDate today(Instant now) {
        return now.atZone(ClockProducer.CHINA).toLocalDate();
    }
}
