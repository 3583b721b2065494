package com.etitle.calendar;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.etitle.common.ClockProducer;

/**
 * The one calculator of working days (工作日) of mainland China; everything that counts working days uses it.
 * Dates are those of Asia/Shanghai, whatever the server's time zone.
 *
 * <p><b>A window of N working days starting at an instant</b> ({@link #windowEnd}):
 * <ol>
 * <li>it opens at {@code startsAt} itself;</li>
 * <li>day 1 is the date of {@code startsAt} when that is a working day (a start at 17:00 still counts the
 * whole day), otherwise the first working day after it;</li>
 * <li>day N is the N-th working day counting day 1; weekends and statutory holidays are skipped, adjusted
 * working days (调休上班) count;</li>
 * <li>it closes at 24:00 of day N, i.e. 00:00 Asia/Shanghai of the next calendar day. The window is
 * half-open: the last instant inside it is one nanosecond before the end, and the end itself is outside.</li>
 * </ol>
 * A count that reaches a year without calendar data throws {@link NoCalendarDataException} (422).
 *
 * <p>The calendar is the {@link CurrentCalendar} in force, taken once per call, so a year a registrar entered
 * on any replica counts from the next call, and one call never mixes two calendars.
 */
@ApplicationScoped
public class WorkingDays {

    public static final ZoneId ZONE = ClockProducer.CHINA;

    private final Supplier<HolidayCalendar> calendar;
    private final Clock clock;

    @Inject
    WorkingDays(CurrentCalendar calendar, Clock clock) {
        this(calendar::get, clock);
    }

    /** Counts with a fixed calendar, as unit tests do. */
    public WorkingDays(HolidayCalendar calendar, Clock clock) {
        this(() -> calendar, clock);
    }

    private WorkingDays(Supplier<HolidayCalendar> calendar, Clock clock) {
        this.calendar = calendar;
        this.clock = clock;
    }

    public boolean isWorkingDay(LocalDate date) {
        return calendar.get().isWorkingDay(date);
    }

    /** Today in mainland China, by the injected clock. */
    public LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), ZONE);
    }

    /** The date an instant falls on in mainland China. */
    public static LocalDate dateOf(Instant instant) {
        return LocalDate.ofInstant(instant, ZONE);
    }

    /** The first working day on or after the date. */
    public LocalDate firstWorkingDayFrom(LocalDate date) {
        return firstWorkingDayFrom(calendar.get(), date);
    }

    private static LocalDate firstWorkingDayFrom(HolidayCalendar calendar, LocalDate date) {
        LocalDate day = date;
        while (!calendar.isWorkingDay(day)) {
            day = day.plusDays(1);
        }
        return day;
    }

    /** Day {@code n} (1-based) of a count that starts on {@code from}: see the class comment. */
    public LocalDate nthWorkingDay(LocalDate from, int n) {
        if (n < 1) {
            throw new IllegalArgumentException("n must be at least 1, was " + n);
        }
        HolidayCalendar current = calendar.get();
        LocalDate day = firstWorkingDayFrom(current, from);
        for (int counted = 1; counted < n; counted++) {
            day = firstWorkingDayFrom(current, day.plusDays(1));
        }
        return day;
    }

    /** The last working day of a window of {@code n} working days opening at {@code startsAt}. */
    public LocalDate lastDayOfWindow(Instant startsAt, int n) {
        return nthWorkingDay(dateOf(startsAt), n);
    }

    /** The exclusive end of a window of {@code n} working days opening at {@code startsAt}: 24:00 of its last working day. */
    public Instant windowEnd(Instant startsAt, int n) {
        return lastDayOfWindow(startsAt, n).plusDays(1).atStartOfDay(ZONE).toInstant();
    }

    /** Working days in [from, until): both ends' years must have data. */
    public int countBetween(LocalDate from, LocalDate until) {
        HolidayCalendar current = calendar.get();
        int count = 0;
        for (LocalDate day = from; day.isBefore(until); day = day.plusDays(1)) {
            if (current.isWorkingDay(day)) {
                count++;
            }
        }
        return count;
    }

    /** Working days of a window that are still to come, today included while the window is open; 0 once it ended. */
    public int remaining(Instant startsAt, Instant endsAt) {
        Instant now = clock.instant();
        if (!now.isBefore(endsAt)) {
            return 0;
        }
        LocalDate from = now.isBefore(startsAt) ? dateOf(startsAt) : dateOf(now);
        return countBetween(from, dateOf(endsAt));
    }

    public boolean covers(int year) {
        return calendar.get().covers(year);
    }
}
