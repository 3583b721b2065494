package com.etitle.calendar;

import java.time.LocalDate;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * One year's State Council holiday arrangement in the format of the shipped files ({@code calendar/cn-2026.json}):
 * what a configured file holds, what a registrar sends to {@code PUT /api/v1/working-day-calendar/{year}}, and what
 * is stored for an entered year. Dates arrive as text, so that a bad one is named like any other invalid field;
 * {@link HolidayCalendar#check} is the one rule for all three.
 */
@Schema(description = "A year's holiday arrangement as the State Council published it, in the format of the shipped calendar files")
public record YearArrangement(
        @Schema(description = "May be left out; when sent it must be the year in the path", example = "2027") Integer year,
        @Schema(description = "The notice the arrangement comes from, with its document number",
                example = "国务院办公厅关于2027年部分节假日安排的通知 (国办发明电〔2026〕N号)", maxLength = 200) String source,
        @Schema(description = "The statutory holidays, each break as published with its weekend days; an empty list is allowed")
        List<Holiday> holidays,
        @Schema(description = "Adjusted working days (调休上班): Saturdays or Sundays that are worked; an empty list is allowed",
                type = SchemaType.ARRAY, implementation = LocalDate.class) List<String> adjustedWorkingDays) {

    /** One break, both ends included: 春节 from 2026-02-15 to 2026-02-23. */
    @Schema(name = "HolidayBreak", description = "One holiday break, both ends included")
    public record Holiday(
            @Schema(example = "春节", maxLength = HolidayCalendar.LONGEST_NAME) String name,
            @Schema(format = "date", example = "2027-02-06") String from,
            @Schema(format = "date", example = "2027-02-13") String to) {
    }

    /** The checked year in this format: the form that is stored and answered. */
    static YearArrangement of(HolidayCalendar.Year year) {
        return new YearArrangement(year.year(), year.source(),
                year.breaks().stream().map(b -> new Holiday(b.name(), b.from().toString(), b.to().toString())).toList(),
                year.adjustedWorkingDays().stream().sorted().map(Object::toString).toList());
    }
}
