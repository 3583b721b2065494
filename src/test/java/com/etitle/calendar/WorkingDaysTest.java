package com.etitle.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import com.etitle.common.ClockProducer;
import com.etitle.common.Fields;

class WorkingDaysTest {

    private static final HolidayCalendar CALENDAR = HolidayCalendar.builtIn();
    private static final WorkingDays DAYS = new WorkingDays(CALENDAR, Clock.system(ClockProducer.CHINA));

    @Test
    void the_shipped_years_are_the_state_council_arrangements_for_2024_to_2026() {
        assertThat(CALENDAR.years()).containsExactly(2024, 2025, 2026);
        assertThat(CALENDAR.year(2024).holidays()).isEqualTo(dates("2024-01-01", "2024-02-10..2024-02-17", "2024-04-04..2024-04-06",
                "2024-05-01..2024-05-05", "2024-06-10", "2024-09-15..2024-09-17", "2024-10-01..2024-10-07"));
        assertThat(CALENDAR.year(2024).adjustedWorkingDays()).isEqualTo(dates("2024-02-04", "2024-02-18", "2024-04-07", "2024-04-28",
                "2024-05-11", "2024-09-14", "2024-09-29", "2024-10-12"));
        assertThat(CALENDAR.year(2025).holidays()).isEqualTo(dates("2025-01-01", "2025-01-28..2025-02-04", "2025-04-04..2025-04-06",
                "2025-05-01..2025-05-05", "2025-05-31..2025-06-02", "2025-10-01..2025-10-08"));
        assertThat(CALENDAR.year(2025).adjustedWorkingDays()).isEqualTo(dates("2025-01-26", "2025-02-08", "2025-04-27", "2025-09-28",
                "2025-10-11"));
        assertThat(CALENDAR.year(2026).holidays()).isEqualTo(dates("2026-01-01..2026-01-03", "2026-02-15..2026-02-23",
                "2026-04-04..2026-04-06", "2026-05-01..2026-05-05", "2026-06-19..2026-06-21", "2026-09-25..2026-09-27",
                "2026-10-01..2026-10-07"));
        assertThat(CALENDAR.year(2026).adjustedWorkingDays()).isEqualTo(dates("2026-01-04", "2026-02-14", "2026-02-28", "2026-05-09",
                "2026-09-20", "2026-10-10"));
        assertThat(CALENDAR.year(2025).source()).contains("国办发明电〔2024〕12号");
    }

    @ParameterizedTest(name = "{0} ({1}) is a working day: {2}")
    @CsvSource({
        "2024-02-04, Sunday adjusted for Spring Festival, true",
        "2024-02-12, Monday in Spring Festival, false",
        "2024-02-19, ordinary Monday, true",
        "2024-02-24, ordinary Saturday, false",
        "2025-10-08, Wednesday in the National Day week, false",
        "2025-10-11, Saturday adjusted for National Day, true",
        "2026-01-02, Friday of New Year, false",
        "2026-01-04, Sunday adjusted for New Year, true",
        "2026-02-28, Saturday adjusted for Spring Festival, true",
        "2026-06-19, Friday of Dragon Boat Festival, false"})
    void known_days(LocalDate day, String what, boolean working) {
        assertThat(DAYS.isWorkingDay(day)).isEqualTo(working);
    }

    @ParameterizedTest(name = "{2} working days from {0} ({1}) end at {3}")
    @CsvSource({
        // a working day counts whole, whatever the hour
        "2026-03-02T09:00+08:00, Monday morning,                  5, 2026-03-07T00:00+08:00",
        "2026-03-02T23:59:59+08:00, Monday one second before midnight, 5, 2026-03-07T00:00+08:00",
        // the same instant written in UTC is still Monday in Shanghai
        "2026-03-01T16:00Z, Monday 00:00 in Shanghai,             5, 2026-03-07T00:00+08:00",
        // a weekend start counts from Monday
        "2026-03-07T10:00+08:00, Saturday,                        5, 2026-03-14T00:00+08:00",
        // a start in a holiday counts from the first working day after it, an adjusted Saturday included
        "2026-02-16T09:00+08:00, Spring Festival,                 5, 2026-03-01T00:00+08:00",
        // across New Year 2024/25: 12-27, 12-30, 12-31, 01-02, 01-03
        "2024-12-27T09:00+08:00, Friday before New Year,          5, 2025-01-04T00:00+08:00",
        // across New Year 2025/26: 12-29, 12-30, 12-31, Sunday 01-04 (adjusted), 01-05
        "2025-12-29T09:00+08:00, Monday before New Year,          5, 2026-01-06T00:00+08:00",
        // 09-29, 09-30, then eight days off (10-01..10-08), then 10-09, 10-10 and the adjusted Saturday 10-11
        "2025-09-29T09:00+08:00, Monday before National Day,      5, 2025-10-12T00:00+08:00"})
    void window_ends(OffsetDateTime start, String what, int n, OffsetDateTime end) {
        assertThat(DAYS.windowEnd(start.toInstant(), n)).isEqualTo(end.toInstant());
    }

    @Test
    void the_window_is_half_open_its_end_is_the_first_instant_outside() {
        Instant end = DAYS.windowEnd(OffsetDateTime.parse("2026-03-02T09:00+08:00").toInstant(), 5);
        assertThat(WorkingDays.dateOf(end.minusNanos(1))).isEqualTo(LocalDate.parse("2026-03-06"));
        assertThat(WorkingDays.dateOf(end)).isEqualTo(LocalDate.parse("2026-03-07"));
        assertThat(DAYS.lastDayOfWindow(OffsetDateTime.parse("2026-03-02T09:00+08:00").toInstant(), 5)).isEqualTo(LocalDate.parse("2026-03-06"));
    }

    @Test
    void a_year_without_data_is_refused_not_guessed() {
        assertThatThrownBy(() -> DAYS.isWorkingDay(LocalDate.parse("2027-03-01")))
                .isInstanceOf(NoCalendarDataException.class).hasMessageContaining("2027").hasMessageContaining("2024–2026");
        assertThatThrownBy(() -> DAYS.isWorkingDay(LocalDate.parse("2023-12-29"))).isInstanceOf(NoCalendarDataException.class);
        // 12-28 to 12-31 are four working days; the fifth would be in 2027
        Instant lateDecember = OffsetDateTime.parse("2026-12-28T09:00+08:00").toInstant();
        assertThat(DAYS.windowEnd(lateDecember, 4)).isEqualTo(OffsetDateTime.parse("2027-01-01T00:00+08:00").toInstant());
        assertThatThrownBy(() -> DAYS.windowEnd(lateDecember, 5))
                .isInstanceOfSatisfying(NoCalendarDataException.class, e -> {
                    assertThat(e.year()).isEqualTo(2027);
                    assertThat(e.forField("workingDays").invalidParams()).singleElement()
                            .satisfies(p -> assertThat(p.name()).isEqualTo("workingDays"));
                });
    }

    @Test
    void a_configured_year_file_adds_a_year_and_single_dates_override_it(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("cn-2027.json");
        Files.writeString(file, """
                {"year": 2027, "source": "test",
                 "holidays": [{"name": "元旦", "from": "2027-01-01", "to": "2027-01-01"}],
                 "adjustedWorkingDays": ["2027-01-09"]}""");
        HolidayCalendar calendar = HolidayCalendar.load(List.of(file), List.of(LocalDate.parse("2027-01-05")),
                List.of(LocalDate.parse("2026-10-03"), LocalDate.parse("2027-01-16")));
        assertThat(calendar.years()).containsExactly(2024, 2025, 2026, 2027);
        assertThat(calendar.isWorkingDay(LocalDate.parse("2027-01-01"))).as("holiday of the file").isFalse();
        assertThat(calendar.isWorkingDay(LocalDate.parse("2027-01-09"))).as("adjusted Saturday of the file").isTrue();
        assertThat(calendar.isWorkingDay(LocalDate.parse("2027-01-05"))).as("extra holiday on a Tuesday").isFalse();
        assertThat(calendar.isWorkingDay(LocalDate.parse("2027-01-16"))).as("extra working Saturday").isTrue();
        assertThat(calendar.isWorkingDay(LocalDate.parse("2026-10-03"))).as("a National Day holiday made a working day").isTrue();
        assertThat(calendar.isWorkingDay(LocalDate.parse("2027-01-06"))).as("an ordinary Wednesday").isTrue();
    }

    @Test
    void a_configured_file_replaces_a_shipped_year(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("fix-2026.json");
        Files.writeString(file, """
                {"year": 2026, "source": "correction", "holidays": [], "adjustedWorkingDays": []}""");
        HolidayCalendar calendar = HolidayCalendar.load(List.of(file), List.of(), List.of());
        assertThat(calendar.isWorkingDay(LocalDate.parse("2026-10-01"))).isTrue();
        assertThat(calendar.isWorkingDay(LocalDate.parse("2025-10-01"))).as("other years untouched").isFalse();
    }

    @Test
    void an_entered_year_replaces_a_shipped_one_and_configured_single_dates_still_apply() {
        HolidayCalendar configured = HolidayCalendar.load(List.of(), List.of(LocalDate.parse("2026-10-09")), List.of());
        HolidayCalendar.Year correction = HolidayCalendar.check(new YearArrangement(2026, "correction",
                List.of(new YearArrangement.Holiday("国庆节", "2026-10-01", "2026-10-04")), List.of()), HolidayCalendar.Origin.ENTERED, new Fields());

        HolidayCalendar calendar = configured.withYears(List.of(correction));

        assertThat(calendar.year(2026).origin()).isEqualTo(HolidayCalendar.Origin.ENTERED);
        assertThat(calendar.isWorkingDay(LocalDate.parse("2026-10-05"))).as("a holiday no longer").isTrue();
        assertThat(calendar.isWorkingDay(LocalDate.parse("2026-10-10"))).as("the shipped adjusted Saturday is gone").isFalse();
        assertThat(calendar.isWorkingDay(LocalDate.parse("2026-10-09"))).as("configured extra holiday").isFalse();
        assertThat(calendar.year(2025).origin()).as("other years untouched").isEqualTo(HolidayCalendar.Origin.SHIPPED);
        assertThat(configured.isWorkingDay(LocalDate.parse("2026-10-05"))).as("the calendar it came from is unchanged").isFalse();
    }

    @Test
    void files_and_entered_years_are_checked_by_one_rule_that_names_each_field() {
        Fields v = new Fields();
        HolidayCalendar.Year year = HolidayCalendar.check(new YearArrangement(2027, null,
                List.of(new YearArrangement.Holiday("元旦", "2027-01-01", "2027-01-03"), new YearArrangement.Holiday("春节", "2027-02-13", "2027-02-06"),
                        new YearArrangement.Holiday(null, "2027-01-03", "2027-01-03")),
                List.of("2027-01-02", "2027-01-06", "2027-02-20", "2027-02-20", "2028-01-01")), HolidayCalendar.Origin.ENTERED, v);

        assertThat(year).isNull();
        assertThat(v.errors()).extracting(p -> p.name()).containsExactly("holidays/1/to", "holidays/2", "adjustedWorkingDays/0",
                "adjustedWorkingDays/1", "adjustedWorkingDays/3", "adjustedWorkingDays/4");
        assertThat(v.errors().get(2).reason().toString()).contains("also a holiday (holidays/0)");
        assertThat(v.errors().get(3).reason().toString()).contains("Wednesday, not a Saturday or Sunday");
    }

    @Test
    void contradictory_or_incomplete_calendar_data_stops_the_start(@TempDir Path dir) throws IOException {
        assertThatThrownBy(() -> HolidayCalendar.load(List.of(), List.of(LocalDate.parse("2027-02-01")), List.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("2027").hasMessageContaining("no year file");
        assertThatThrownBy(() -> HolidayCalendar.load(List.of(), List.of(LocalDate.parse("2026-03-02")), List.of(LocalDate.parse("2026-03-02"))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("both");
        Path weekday = dir.resolve("weekday.json");
        Files.writeString(weekday, """
                {"year": 2027, "holidays": [], "adjustedWorkingDays": ["2027-01-06"]}""");
        assertThatThrownBy(() -> HolidayCalendar.load(List.of(weekday), List.of(), List.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not a Saturday or Sunday");
        Path wrongYear = dir.resolve("wrong-year.json");
        Files.writeString(wrongYear, """
                {"year": 2027, "holidays": [{"from": "2028-01-01", "to": "2028-01-01"}], "adjustedWorkingDays": []}""");
        assertThatThrownBy(() -> HolidayCalendar.load(List.of(wrongYear), List.of(), List.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("2028-01-01");
        Path malformed = dir.resolve("malformed.json");
        Files.writeString(malformed, """
                {"year": 2027, "holidays": [{"from": "2027-13-01", "to": "2027-13-01"}], "adjustedWorkingDays": []}""");
        assertThatThrownBy(() -> HolidayCalendar.load(List.of(malformed), List.of(), List.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("2027-13-01");
    }

    @Test
    void remaining_working_days_follow_the_clock() {
        Instant start = OffsetDateTime.parse("2026-03-02T09:00+08:00").toInstant();
        Instant end = DAYS.windowEnd(start, 5);
        assertThat(at("2026-03-01T12:00+08:00").remaining(start, end)).as("before the start").isEqualTo(5);
        assertThat(at("2026-03-04T12:00+08:00").remaining(start, end)).as("Wednesday").isEqualTo(3);
        assertThat(at("2026-03-06T23:59:59+08:00").remaining(start, end)).as("last second").isEqualTo(1);
        assertThat(at("2026-03-07T00:00+08:00").remaining(start, end)).as("ended").isZero();
    }

    private static WorkingDays at(String instant) {
        return new WorkingDays(CALENDAR, Clock.fixed(OffsetDateTime.parse(instant).toInstant(), ClockProducer.CHINA));
    }

    /** Dates and inclusive ranges {@code from..to}. */
    private static Set<LocalDate> dates(String... specs) {
        return Stream.of(specs).flatMap(spec -> {
            String[] parts = spec.split("\\.\\.");
            LocalDate from = LocalDate.parse(parts[0]);
            LocalDate to = LocalDate.parse(parts[parts.length - 1]);
            return from.datesUntil(to.plusDays(1));
        }).collect(Collectors.toSet());
    }
}
