package com.etitle.calendar;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;

/**
 * Extends the shipped working-day calendar without a new release: a year the State Council has just
 * announced, or a local change. Applied in this order: built-in years, {@link #files()}, years a registrar
 * entered at run time ({@link CurrentCalendar}), then the single dates. Every date must fall in a year that has
 * a full year file; the service refuses to start otherwise.
 */
@ConfigMapping(prefix = "etitle.calendar")
public interface CalendarConfig {

    /** Year files on disk in the format of {@code calendar/cn-2026.json}; a file for a shipped year replaces it. */
    Optional<List<Path>> files();

    /** Dates that are not working days although the year file says they are (ISO dates, comma-separated). */
    Optional<List<LocalDate>> extraHolidays();

    /** Dates that are working days although the year file says they are not, such as an extra 调休 Saturday. */
    Optional<List<LocalDate>> extraWorkingDays();
}
