package com.etitle.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;

import com.etitle.common.ClockProducer;

import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.time.api.Dates;
import net.jqwik.time.api.Times;

/**
 * Properties of the working-day window over the shipped years 2024–2026: any start instant, any length.
 * Starts are drawn up to the end of October 2026 so that a window of up to 30 working days stays inside
 * the data; the year boundaries 2024/25 and 2025/26 (with New Year and, in 2026, the adjusted Sunday 01-04)
 * are crossed by many of them.
 */
class WorkingDaysPropertyTest {

    private static final LocalDate FIRST = LocalDate.of(2024, 1, 1);
    private static final LocalDate LAST_START = LocalDate.of(2026, 10, 31);
    private static final HolidayCalendar CALENDAR = HolidayCalendar.builtIn();
    private static final WorkingDays DAYS = new WorkingDays(CALENDAR, Clock.system(ClockProducer.CHINA));

    @Provide
    Arbitrary<Instant> starts() {
        return Dates.dates().between(FIRST, LAST_START)
                .flatMap(date -> Times.times().map(time -> date.atTime(time).atZone(ClockProducer.CHINA).toInstant()));
    }

    @Provide
    Arbitrary<LocalDate> days() {
        return Dates.dates().between(FIRST, LocalDate.of(2026, 12, 31));
    }

    @Property
    void a_window_of_n_working_days_holds_exactly_n_working_days(@ForAll("starts") Instant start, @ForAll @IntRange(min = 1, max = 30) int n) {
        Instant end = DAYS.windowEnd(start, n);
        assertThat(DAYS.countBetween(WorkingDays.dateOf(start), WorkingDays.dateOf(end))).isEqualTo(n);
    }

    @Property
    void the_last_day_of_a_window_is_a_working_day_and_the_window_ends_at_midnight_after_it(@ForAll("starts") Instant start,
            @ForAll @IntRange(min = 1, max = 30) int n) {
        LocalDate last = DAYS.lastDayOfWindow(start, n);
        Instant end = DAYS.windowEnd(start, n);
        assertThat(DAYS.isWorkingDay(last)).isTrue();
        assertThat(end.atZone(ClockProducer.CHINA).toLocalTime()).isEqualTo(LocalTime.MIDNIGHT);
        assertThat(WorkingDays.dateOf(end)).isEqualTo(last.plusDays(1));
        assertThat(end).isAfter(start);
    }

    @Property
    void one_more_working_day_moves_the_end_to_the_next_working_day(@ForAll("starts") Instant start, @ForAll @IntRange(min = 1, max = 29) int n) {
        LocalDate last = DAYS.lastDayOfWindow(start, n);
        LocalDate next = DAYS.lastDayOfWindow(start, n + 1);
        assertThat(next).isAfter(last);
        assertThat(DAYS.countBetween(last.plusDays(1), next)).as("working days strictly between %s and %s", last, next).isZero();
        assertThat(DAYS.isWorkingDay(next)).isTrue();
    }

    @Property
    void the_start_day_counts_exactly_when_it_is_a_working_day(@ForAll("starts") Instant start) {
        LocalDate day = WorkingDays.dateOf(start);
        LocalDate first = DAYS.lastDayOfWindow(start, 1);
        if (DAYS.isWorkingDay(day)) {
            assertThat(first).isEqualTo(day);
        } else {
            assertThat(first).isAfter(day);
            assertThat(DAYS.countBetween(day, first)).isZero();
        }
    }

    @Property
    void holidays_never_count_even_on_weekdays(@ForAll("days") LocalDate day) {
        boolean holiday = CALENDAR.year(day.getYear()).holidays().contains(day);
        if (holiday) {
            assertThat(DAYS.isWorkingDay(day)).as("%s (%s) is a holiday", day, day.getDayOfWeek()).isFalse();
        }
    }

    @Property
    void adjusted_working_days_count_even_on_weekends(@ForAll("days") LocalDate day) {
        boolean adjusted = CALENDAR.year(day.getYear()).adjustedWorkingDays().contains(day);
        if (adjusted) {
            assertThat(isWeekend(day)).as("%s is a weekend day", day).isTrue();
            assertThat(DAYS.isWorkingDay(day)).as("%s is an adjusted working day", day).isTrue();
        }
    }

    @Property
    void any_other_day_is_a_working_day_exactly_when_it_is_monday_to_friday(@ForAll("days") LocalDate day) {
        HolidayCalendar.Year year = CALENDAR.year(day.getYear());
        if (!year.holidays().contains(day) && !year.adjustedWorkingDays().contains(day)) {
            assertThat(DAYS.isWorkingDay(day)).isEqualTo(!isWeekend(day));
        }
    }

    @Property
    void a_later_start_never_ends_earlier(@ForAll("starts") Instant a, @ForAll("starts") Instant b, @ForAll @IntRange(min = 1, max = 30) int n) {
        Instant earlier = a.isBefore(b) ? a : b;
        Instant later = a.isBefore(b) ? b : a;
        assertThat(DAYS.windowEnd(later, n)).isAfterOrEqualTo(DAYS.windowEnd(earlier, n));
    }

    private static boolean isWeekend(LocalDate day) {
        return day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY;
    }
}
