package io.cityloop.dispatch.calendar.model;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

import io.cityloop.reference.WorkingCalendar;

/**
 * 工作日历 as the command center keeps it: office hours plus the arrangement of every year it knows, in one
 * numbered version. Every edit makes a new version, so a deadline can always be traced to the calendar it was
 * counted on.
 */
public final class CalendarDefinition {

    private final long version;
    private final ZoneId zone;
    private final OfficeHours officeHours;
    private final Map<Integer, CalendarYear> years;
    private final WorkingCalendar workingCalendar;

    public CalendarDefinition(long version, ZoneId zone, OfficeHours officeHours, Collection<CalendarYear> years) {
        this.version = version;
        this.zone = zone;
        this.officeHours = officeHours;
        this.years = years.stream().collect(Collectors.toMap(CalendarYear::year, y -> y, (a, b) -> {
            throw new InvalidCalendarException("years", "unique", "year " + a.year() + " is listed twice");
        }, TreeMap::new));
        this.workingCalendar = new WorkingCalendar(zone, officeHours.periods(), officeHours.workingHoursPerDay(),
                dates(DayKind.HOLIDAY), dates(DayKind.MAKE_UP_WORKDAY));
    }

    private Set<LocalDate> dates(DayKind kind) {
        return years.values().stream().flatMap(y -> y.days().stream())
                .filter(d -> d.kind() == kind).map(SpecialDay::date).collect(Collectors.toSet());
    }

    /** The next version with one year's arrangement replaced (or added). */
    public CalendarDefinition withYear(CalendarYear year) {
        Map<Integer, CalendarYear> changed = new TreeMap<>(years);
        changed.put(year.year(), year);
        return new CalendarDefinition(version + 1, zone, officeHours, changed.values());
    }

    /** The next version with new office hours. */
    public CalendarDefinition withOfficeHours(OfficeHours hours) {
        return new CalendarDefinition(version + 1, zone, hours, years.values());
    }

    /** The year's arrangement; a year nobody entered is an unpublished, plain Monday-to-Friday year. */
    public CalendarYear year(int year) {
        return Optional.ofNullable(years.get(year)).orElseGet(() -> CalendarYear.unpublished(year));
    }

    public boolean knows(int year) {
        return years.containsKey(year);
    }

    public Collection<CalendarYear> years() {
        return years.values();
    }

    public WorkingCalendar workingCalendar() {
        return workingCalendar;
    }

    public long version() {
        return version;
    }

    public ZoneId zone() {
        return zone;
    }

    public OfficeHours officeHours() {
        return officeHours;
    }
}
