package com.etitle.calendar;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Collectors;

import com.etitle.common.Fields;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Which days of mainland China are working days: Monday to Friday, less the statutory holidays, plus the
 * adjusted working days (调休上班) on weekends, as the State Council publishes them each year. Immutable;
 * only years with a full arrangement are known, and asking about any other year throws
 * {@link NoCalendarDataException}.
 */
public final class HolidayCalendar {

    /** The State Council arrangements shipped with the service; src/main/resources/calendar. */
    public static final List<String> BUILT_IN = List.of("calendar/cn-2024.json", "calendar/cn-2025.json", "calendar/cn-2026.json");

    /** Years an arrangement may be for: a typing mistake such as 207 or 20277 is refused, wherever it comes from. */
    public static final int FIRST_YEAR = 2000;
    public static final int LAST_YEAR = 2099;
    /** The longest break accepted; the longest published so far is nine days (Spring Festival 2026), so more is a typo. */
    public static final int LONGEST_BREAK = 14;
    static final int LONGEST_NAME = 20;
    static final int LONGEST_SOURCE = 200;

    /** Files may carry fields of their own, such as a comment; the API reads the same format strictly. */
    private static final ObjectMapper FILES = new ObjectMapper().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    /** Where a year's arrangement comes from; a later one replaces an earlier one for the same year. */
    public enum Origin {
        /** Built into this release. */
        SHIPPED,
        /** A file named in {@code etitle.calendar.files}. */
        CONFIGURED,
        /** Entered by a registrar at run time (PUT /api/v1/working-day-calendar/{year}). */
        ENTERED
    }

    /** One holiday break as published, both ends included. */
    public record Break(String name, LocalDate from, LocalDate to) {
    }

    /** One year's arrangement as published: its holidays and adjusted working days as dates, its breaks as listed. */
    public record Year(int year, String source, Set<LocalDate> holidays, Set<LocalDate> adjustedWorkingDays, List<Break> breaks,
            Origin origin) {
    }

    private final SortedMap<Integer, Year> years;
    private final Set<LocalDate> extraHolidays;
    private final Set<LocalDate> extraWorkingDays;
    private final Set<LocalDate> holidays;
    private final Set<LocalDate> adjustedWorkingDays;

    /** The years' arrangements, then the single dates: an extra holiday stops being a working day, an extra working day becomes one. */
    private HolidayCalendar(SortedMap<Integer, Year> years, Collection<LocalDate> extraHolidays, Collection<LocalDate> extraWorkingDays) {
        this.years = Collections.unmodifiableSortedMap(new TreeMap<>(years));
        this.extraHolidays = Set.copyOf(extraHolidays);
        this.extraWorkingDays = Set.copyOf(extraWorkingDays);
        Set<LocalDate> off = new HashSet<>();
        Set<LocalDate> working = new HashSet<>();
        years.values().forEach(y -> {
            off.addAll(y.holidays());
            working.addAll(y.adjustedWorkingDays());
        });
        off.removeAll(extraWorkingDays);
        working.removeAll(extraHolidays);
        off.addAll(extraHolidays);
        extraWorkingDays.stream().filter(HolidayCalendar::isWeekend).forEach(working::add);
        this.holidays = Set.copyOf(off);
        this.adjustedWorkingDays = Set.copyOf(working);
    }

    /** The shipped years only. */
    public static HolidayCalendar builtIn() {
        return load(List.of(), List.of(), List.of());
    }

    /**
     * The shipped years, then each file (a file for a year already known replaces that year), then the single
     * dates: an extra holiday stops being a working day, an extra working day becomes one.
     *
     * @throws IllegalArgumentException when the data contradicts itself or names a year without a file
     */
    public static HolidayCalendar load(Collection<Path> files, Collection<LocalDate> extraHolidays, Collection<LocalDate> extraWorkingDays) {
        SortedMap<Integer, Year> years = new TreeMap<>();
        for (String resource : BUILT_IN) {
            Year year = parse(resource, readResource(resource), Origin.SHIPPED);
            years.put(year.year(), year);
        }
        for (Path file : files) {
            Year year = parse(file.toString(), readFile(file), Origin.CONFIGURED);
            years.put(year.year(), year);
        }
        Set<LocalDate> both = new HashSet<>(extraHolidays);
        both.retainAll(extraWorkingDays);
        if (!both.isEmpty()) {
            throw new IllegalArgumentException("dates listed both as extra holidays and as extra working days: " + sorted(both));
        }
        for (LocalDate date : union(extraHolidays, extraWorkingDays)) {
            if (!years.containsKey(date.getYear())) {
                throw new IllegalArgumentException("extra calendar date " + date + " is in " + date.getYear()
                        + ", which has no year file; add the State Council arrangement for " + date.getYear() + " first");
            }
        }
        return new HolidayCalendar(years, extraHolidays, extraWorkingDays);
    }

    /**
     * This calendar with the given years added, each replacing an arrangement of the same year (an entered year
     * corrects a shipped or configured one); the configured single dates still apply on top.
     */
    public HolidayCalendar withYears(Collection<Year> replacing) {
        SortedMap<Integer, Year> all = new TreeMap<>(years);
        replacing.forEach(y -> all.put(y.year(), y));
        return new HolidayCalendar(all, extraHolidays, extraWorkingDays);
    }

    public boolean isWorkingDay(LocalDate date) {
        requireYear(date.getYear());
        if (holidays.contains(date)) {
            return false;
        }
        return adjustedWorkingDays.contains(date) || !isWeekend(date);
    }

    public boolean covers(int year) {
        return years.containsKey(year);
    }

    /** The years with data, ascending. */
    public Set<Integer> years() {
        return years.keySet();
    }

    public Year year(int year) {
        requireYear(year);
        return years.get(year);
    }

    /** The configured single dates that are not working days, whatever their year's arrangement says. */
    public Set<LocalDate> extraHolidays() {
        return extraHolidays;
    }

    /** The configured single dates that are working days, whatever their year's arrangement says. */
    public Set<LocalDate> extraWorkingDays() {
        return extraWorkingDays;
    }

    void requireYear(int year) {
        if (!years.containsKey(year)) {
            throw new NoCalendarDataException(year, describeYears());
        }
    }

    private String describeYears() {
        if (years.isEmpty()) {
            return "no year";
        }
        List<Integer> list = new ArrayList<>(years.keySet());
        boolean contiguous = list.get(list.size() - 1) - list.get(0) == list.size() - 1;
        return contiguous && list.size() > 1 ? list.get(0) + "–" + list.get(list.size() - 1)
                : list.stream().map(String::valueOf).collect(Collectors.joining(", "));
    }

    private static boolean isWeekend(LocalDate date) {
        return date.getDayOfWeek() == DayOfWeek.SATURDAY || date.getDayOfWeek() == DayOfWeek.SUNDAY;
    }

    /** Reads one year file or stored entry and {@link #check checks} it; any failure is an IllegalArgumentException naming them all. */
    static Year parse(String origin, byte[] json, Origin kind) {
        YearArrangement arrangement;
        try {
            arrangement = FILES.readValue(json, YearArrangement.class);
        } catch (IOException e) {
            throw new IllegalArgumentException("calendar file " + origin
                    + " is not JSON with \"year\", \"source\", \"holidays\" (from, to) and \"adjustedWorkingDays\"", e);
        }
        if (arrangement == null) {
            throw new IllegalArgumentException("calendar file " + origin + " is empty");
        }
        Fields v = new Fields();
        Year year = check(arrangement, kind, v);
        if (year == null) {
            throw new IllegalArgumentException("calendar file " + origin + ": " + v.errors().stream()
                    .map(p -> p.name() + " " + p.reason()).collect(Collectors.joining("; ")));
        }
        return year;
    }

    /**
     * The one check of a year's arrangement, for the shipped and configured files and for entered years alike:
     * the year in {@link #FIRST_YEAR}..{@link #LAST_YEAR}; every date a real date of that year; each break in
     * order, at most {@link #LONGEST_BREAK} days and overlapping no other; each adjusted working day on a Saturday or
     * Sunday (a weekday needs no adjustment), listed once and not also a holiday. A holiday may fall on a weekend:
     * an arrangement lists the whole break. The source is optional here (older configured files have none).
     * Failures are recorded in {@code v} under the field's JSON pointer, such as {@code holidays/2/to}.
     *
     * @return the year, or null when this check recorded a failure
     */
    static Year check(YearArrangement a, Origin origin, Fields v) {
        int failuresBefore = v.errors().size();
        Integer year = a.year();
        if (year == null) {
            v.fail("year", "reason.required");
        } else if (year < FIRST_YEAR || year > LAST_YEAR) {
            v.fail("year", "reason.between", FIRST_YEAR, LAST_YEAR);
            year = null;
        }
        String source = v.optionalText("source", a.source(), LONGEST_SOURCE);

        // which break lists each holiday, to name both sides of an overlap or of a day listed as both
        Map<LocalDate, String> holidays = new HashMap<>();
        List<Break> breaks = new ArrayList<>();
        if (a.holidays() == null) {
            v.fail("holidays", "reason.required-list");
        } else {
            for (int i = 0; i < a.holidays().size(); i++) {
                String field = "holidays/" + i;
                YearArrangement.Holiday holiday = a.holidays().get(i);
                if (holiday == null) {
                    v.fail(field, "reason.calendar.break");
                    continue;
                }
                String name = v.optionalText(field + "/name", holiday.name(), LONGEST_NAME);
                LocalDate from = date(v, field + "/from", holiday.from(), year);
                LocalDate to = date(v, field + "/to", holiday.to(), year);
                if (from == null || to == null) {
                    continue;
                }
                long days = ChronoUnit.DAYS.between(from, to) + 1;
                if (days < 1) {
                    v.fail(field + "/to", "reason.calendar.break-reversed", to, from);
                    continue;
                }
                if (days > LONGEST_BREAK) {
                    v.fail(field + "/to", "reason.calendar.break-too-long", days, LONGEST_BREAK);
                    continue;
                }
                for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
                    String other = holidays.putIfAbsent(day, field);
                    if (other != null) {
                        v.fail(field, "reason.calendar.overlap", other, day);
                        break;
                    }
                }
                breaks.add(new Break(name, from, to));
            }
        }

        Map<LocalDate, String> working = new HashMap<>();
        if (a.adjustedWorkingDays() == null) {
            v.fail("adjustedWorkingDays", "reason.required-list");
        } else {
            for (int i = 0; i < a.adjustedWorkingDays().size(); i++) {
                String field = "adjustedWorkingDays/" + i;
                LocalDate day = date(v, field, a.adjustedWorkingDays().get(i), year);
                if (day == null) {
                    continue;
                }
                if (!isWeekend(day)) {
                    v.fail(field, "reason.calendar.not-weekend", day, day.getDayOfWeek());
                } else if (holidays.containsKey(day)) {
                    v.fail(field, "reason.calendar.also-holiday", day, holidays.get(day));
                } else if (working.putIfAbsent(day, field) != null) {
                    v.fail(field, "reason.calendar.twice", day, working.get(day));
                }
            }
        }
        if (v.errors().size() > failuresBefore) {
            return null;
        }
        return new Year(year, source == null ? "" : source, Set.copyOf(holidays.keySet()), Set.copyOf(working.keySet()), List.copyOf(breaks),
                origin);
    }

    /** A date of the arrangement's year; the text is echoed in the reason when it is short enough to be a mistyped date. */
    private static LocalDate date(Fields v, String field, String text, Integer year) {
        String value = Fields.strip(text);
        if (value == null) {
            v.fail(field, "reason.required");
            return null;
        }
        LocalDate date;
        try {
            date = LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            if (value.length() <= 20) {
                v.fail(field, "reason.calendar.not-date.echo", value);
            } else {
                v.fail(field, "reason.calendar.not-date");
            }
            return null;
        }
        if (year != null && date.getYear() != year) {
            v.fail(field, "reason.calendar.other-year", date, year);
            return null;
        }
        return date;
    }

    private static byte[] readResource(String name) {
        try (InputStream in = HolidayCalendar.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("built-in calendar " + name + " is missing from the class path");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] readFile(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read calendar file " + file, e);
        }
    }

    private static Set<LocalDate> union(Collection<LocalDate> a, Collection<LocalDate> b) {
        Set<LocalDate> all = new HashSet<>(a);
        all.addAll(b);
        return all;
    }

    private static List<LocalDate> sorted(Set<LocalDate> dates) {
        return dates.stream().sorted().toList();
    }
}
