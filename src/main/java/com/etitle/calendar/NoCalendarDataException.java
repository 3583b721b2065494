package com.etitle.calendar;

import java.util.List;

import com.etitle.common.Invalid;
import com.etitle.common.ProblemException;
import com.etitle.common.ProblemType;

/**
 * A working-day count reached a year the calendar has no State Council arrangement for. Guessing (weekends
 * only) would be wrong around every holiday, so the request is refused with a 422 that names the field
 * whose value led there; {@link #forField} lets the caller name its own field.
 */
public class NoCalendarDataException extends ProblemException {

    private final int year;
    private final String covered;

    NoCalendarDataException(int year, String covered) {
        this(year, covered, "date");
    }

    private NoCalendarDataException(int year, String covered, String field) {
        super(ProblemType.CALENDAR_NO_DATA, List.of(Invalid.of(field, "reason.calendar.no-data", year, covered)),
                "detail.calendar.no-data", year, covered);
        this.year = year;
        this.covered = covered;
    }

    public int year() {
        return year;
    }

    /** The same refusal, naming the request field whose value reached the missing year. */
    public NoCalendarDataException forField(String field) {
        return new NoCalendarDataException(year, covered, field);
    }
}
