package com.etitle.calendar;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Which days of mainland China are working days: Monday to Friday, less the statutory holidays, plus the
 * adjusted working days (调休上班) on weekends, as the State Council publishes them each year. Immutable;
 * only years with a full year file are known, and asking about any other year throws
 * {@link NoCalendarDataException}.
 */
public final class HolidayCalendar {

    /** The State Council arrangements shipped with the service; src/main/resources/calendar. */
    public static final List<String> BUILT_IN = List.of("calendar/cn-2024.json", "calendar/cn-2025.json", "calendar/cn-2026.json");

    /** One year's arrangement as published. */
    public record Year(int year, String source, Set<LocalDate> holidays, Set<LocalDate> adjustedWorkingDays) {
    }

    private final SortedMap<Integer, Year> years;
    private final Set<LocalDate> holidays;
    private final Set<LocalDate> adjustedWorkingDays;

    private HolidayCalendar(SortedMap<Integer, Year> years, Set<LocalDate> holidays, Set<LocalDate> adjustedWorkingDays) {
        this.years = years;
        this.holidays = Set.copyOf(holidays);
        this.adjustedWorkingDays = Set.copyOf(adjustedWorkingDays);
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
            Year year = parse(resource, readResource(resource));
            years.put(year.year(), year);
        }
        for (Path file : files) {
            Year year = parse(file.toString(), readFile(file));
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
        Set<LocalDate> holidays = new HashSet<>();
        Set<LocalDate> working = new HashSet<>();
        years.values().forEach(y -> {
            holidays.addAll(y.holidays());
            working.addAll(y.adjustedWorkingDays());
        });
        holidays.removeAll(extraWorkingDays);
        working.removeAll(extraHolidays);
        holidays.addAll(extraHolidays);
        extraWorkingDays.stream().filter(HolidayCalendar::isWeekend).forEach(working::add);
        return new HolidayCalendar(years, holidays, working);
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

    /**
     * Reads one year file and checks it against itself: every date in its year, ranges in order, adjusted
     * working days on weekends (a weekday needs no adjustment), no day both a holiday and a working day.
     */
    static Year parse(String origin, byte[] json) {
        JsonNode root;
        try {
            root = new ObjectMapper().readTree(json);
        } catch (IOException e) {
            throw new IllegalArgumentException("calendar file " + origin + " is not valid JSON", e);
        }
        if (root == null || !root.path("year").canConvertToInt() || !root.path("holidays").isArray()
                || !root.path("adjustedWorkingDays").isArray()) {
            throw new IllegalArgumentException("calendar file " + origin + " needs \"year\", \"holidays\" and \"adjustedWorkingDays\"");
        }
        int year = root.get("year").intValue();
        Set<LocalDate> holidays = new HashSet<>();
        for (JsonNode holiday : root.get("holidays")) {
            LocalDate from = date(origin, year, holiday.path("from"));
            LocalDate to = date(origin, year, holiday.path("to"));
            if (to.isBefore(from)) {
                throw new IllegalArgumentException("calendar file " + origin + ": holiday " + from + ".." + to + " ends before it starts");
            }
            from.datesUntil(to.plusDays(1)).forEach(holidays::add);
        }
        Set<LocalDate> working = new HashSet<>();
        for (JsonNode day : root.get("adjustedWorkingDays")) {
            LocalDate date = date(origin, year, day);
            if (!isWeekend(date)) {
                throw new IllegalArgumentException("calendar file " + origin + ": adjusted working day " + date + " is not a Saturday or Sunday");
            }
            working.add(date);
        }
        Set<LocalDate> both = new HashSet<>(holidays);
        both.retainAll(working);
        if (!both.isEmpty()) {
            throw new IllegalArgumentException("calendar file " + origin + ": days both holiday and working day: " + sorted(both));
        }
        return new Year(year, root.path("source").asText(""), Set.copyOf(holidays), Set.copyOf(working));
    }

    private static LocalDate date(String origin, int year, JsonNode node) {
        try {
            LocalDate date = LocalDate.parse(node.asText());
            if (date.getYear() != year) {
                throw new IllegalArgumentException("calendar file " + origin + " for " + year + " lists " + date);
            }
            return date;
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("calendar file " + origin + ": '" + node.asText() + "' is not a date YYYY-MM-DD", e);
        }
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
