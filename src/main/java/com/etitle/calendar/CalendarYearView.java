package com.etitle.calendar;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonInclude;

/** A year's arrangement in force, in the format of the shipped files, and where it comes from; never who entered it. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(description = "A year's holiday arrangement in force and where it comes from")
public record CalendarYearView(
        int year,
        @Schema(description = "The notice the arrangement comes from") String source,
        List<YearArrangement.Holiday> holidays,
        @Schema(description = "Adjusted working days (调休上班)") List<LocalDate> adjustedWorkingDays,
        @Schema(description = "SHIPPED with this release, CONFIGURED from a file of this deployment, or ENTERED by a registrar at run "
                + "time; an entered year replaces the others", enumeration = {"SHIPPED", "CONFIGURED", "ENTERED"}) String origin,
        @Schema(description = "When it was entered; ENTERED only") Instant enteredAt,
        @Schema(description = "Code of the authority whose registrar entered it; ENTERED only", example = "TEST-A") String enteredBy,
        @Schema(description = "Dates of this year this deployment's configuration makes holidays, over the arrangement; left out when none")
        List<LocalDate> extraHolidays,
        @Schema(description = "Dates of this year this deployment's configuration makes working days, over the arrangement; left out when none")
        List<LocalDate> extraWorkingDays) {

    static CalendarYearView of(HolidayCalendar.Year year, CurrentCalendar.Entry entry, HolidayCalendar calendar) {
        YearArrangement arrangement = YearArrangement.of(year);
        return new CalendarYearView(year.year(), year.source(), arrangement.holidays(),
                year.adjustedWorkingDays().stream().sorted().toList(), year.origin().name(),
                entry == null ? null : entry.enteredAt(), entry == null ? null : entry.authorityCode(),
                inYear(calendar.extraHolidays(), year.year()), inYear(calendar.extraWorkingDays(), year.year()));
    }

    private static List<LocalDate> inYear(Set<LocalDate> dates, int year) {
        List<LocalDate> list = dates.stream().filter(d -> d.getYear() == year).sorted().toList();
        return list.isEmpty() ? null : list;
    }

    /** The years known, ascending. */
    @Schema(name = "CalendarYears", description = "The years the working-day calendar has an arrangement for, ascending")
    public record Years(List<Summary> years) {
    }

    /** One known year. */
    @Schema(name = "CalendarYearSummary")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Summary(int year, String source,
            @Schema(enumeration = {"SHIPPED", "CONFIGURED", "ENTERED"}) String origin,
            @Schema(description = "ENTERED only") Instant enteredAt,
            @Schema(description = "ENTERED only") String enteredBy) {
    }
}
