package com.etitle.calendar;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import com.etitle.audit.AuditLog;
import com.etitle.authority.Authority;
import com.etitle.common.Fields;
import com.etitle.common.ProblemException;
import com.etitle.common.ProblemType;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Reads the working-day calendar in force, and enters a year's arrangement at run time. */
@ApplicationScoped
public class WorkingDayCalendarService {

    static final String YEAR_ENTERED = "calendar.year-entered";

    private final CurrentCalendar current;
    private final Clock clock;
    private final AuditLog audit;
    private final EntityManager em;
    private final ObjectMapper mapper;

    WorkingDayCalendarService(CurrentCalendar current, Clock clock, AuditLog audit, EntityManager em, ObjectMapper mapper) {
        this.current = current;
        this.clock = clock;
        this.audit = audit;
        this.em = em;
        this.mapper = mapper;
    }

    /** What {@link #enter} did: the year as it is now in force, and whether the year had not been entered before. */
    public record Entered(CalendarYearView year, boolean created) {
    }

    /**
     * Checks the arrangement with the rule of the shipped files, plus a required source, then stores it, replacing
     * an earlier entry of the year, with an audit entry, in one transaction. Entering the same arrangement again
     * leaves the calendar as it was and is recorded again. Every replica counts with it from its next use
     * ({@link CurrentCalendar}); notices already opened keep the end they were given.
     */
    @Transactional
    public Entered enter(Authority authority, String actor, int year, YearArrangement body) {
        if (body == null) {
            throw new ProblemException(ProblemType.MALFORMED_REQUEST, "detail.body.required");
        }
        Fields v = new Fields();
        if (body.year() != null && body.year() != year) {
            v.fail("year", "reason.calendar.year-mismatch", body.year(), year);
        }
        if (Fields.strip(body.source()) == null) {
            v.fail("source", "reason.calendar.source");
        }
        HolidayCalendar.Year checked = HolidayCalendar.check(
                new YearArrangement(year, body.source(), body.holidays(), body.adjustedWorkingDays()), HolidayCalendar.Origin.ENTERED, v);
        v.throwIfInvalid("consequence.calendar-unchanged");

        // Writers of the calendar take turns on its version row (the trigger would lock it at the write anyway),
        // so two first entries of one year cannot both insert.
        em.createNativeQuery("SELECT version FROM register_version WHERE register = ?1 FOR UPDATE")
                .setParameter(1, CurrentCalendar.REGISTER).getSingleResult();
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        YearArrangement arrangement = YearArrangement.of(checked);
        EnteredYear row = EnteredYear.findById(year);
        boolean created = row == null;
        if (created) {
            row = new EnteredYear();
            row.year = year;
        }
        row.arrangement = json(arrangement);
        row.enteredAt = now;
        row.authority = authority;
        if (created) {
            row.persist();
        }
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("arrangement", arrangement);
        detail.put("replaced", !created);
        audit.append(actor, authority.code, YEAR_ENTERED, "working-day-calendar/" + year, detail);
        // built from what was written, not read back: this transaction has not committed yet
        return new Entered(CalendarYearView.of(checked, new CurrentCalendar.Entry(now, authority.code), current.configured()), created);
    }

    /** The arrangement in force for the year; 404 for a year the calendar has none for (it is never guessed). */
    public CalendarYearView year(int year) {
        CurrentCalendar.Snapshot snapshot = current.snapshot();
        if (!snapshot.calendar().covers(year)) {
            throw new ProblemException(ProblemType.NOT_FOUND, "detail.calendar.no-year", year);
        }
        return CalendarYearView.of(snapshot.calendar().year(year), snapshot.entry(year).orElse(null), snapshot.calendar());
    }

    public CalendarYearView.Years years() {
        CurrentCalendar.Snapshot snapshot = current.snapshot();
        return new CalendarYearView.Years(snapshot.calendar().years().stream().map(y -> {
            HolidayCalendar.Year year = snapshot.calendar().year(y);
            CurrentCalendar.Entry entry = snapshot.entry(y).orElse(null);
            return new CalendarYearView.Summary(y, year.source(), year.origin().name(), entry == null ? null : entry.enteredAt(),
                    entry == null ? null : entry.authorityCode());
        }).toList());
    }

    private String json(YearArrangement arrangement) {
        try {
            return mapper.writeValueAsString(arrangement);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a calendar arrangement", e);
        }
    }
}
