package io.cityloop.reference;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Set;

/**
 * 工作日历: office hours on working days. A working day is Monday to Friday unless it is a statutory holiday,
 * and a weekend day that is a make-up working day (调休) counts as working. Years without published data fall
 * back to plain Monday–Friday, which is why every year in use must be in the data.
 */
public final class WorkingCalendar {

    /** Guards the day walk against a calendar with no working time at all. */
    private static final int MAX_DAYS_SCANNED = 3_660;

    private final ZoneId zone;
    private final List<OfficePeriod> officeHours;
    private final int workingHoursPerDay;
    private final Set<LocalDate> holidays;
    private final Set<LocalDate> makeUpWorkdays;

    public WorkingCalendar(ZoneId zone, List<OfficePeriod> officeHours, int workingHoursPerDay,
                           Set<LocalDate> holidays, Set<LocalDate> makeUpWorkdays) {
        this.zone = zone;
        this.officeHours = List.copyOf(officeHours);
        this.workingHoursPerDay = workingHoursPerDay;
        this.holidays = Set.copyOf(holidays);
        this.makeUpWorkdays = Set.copyOf(makeUpWorkdays);
    }

    public ZoneId zone() {
        return zone;
    }

    public int workingHoursPerDay() {
        return workingHoursPerDay;
    }

    public boolean isWorkingDay(LocalDate date) {
        if (makeUpWorkdays.contains(date)) {
            return true;
        }
        if (holidays.contains(date)) {
            return false;
        }
        DayOfWeek day = date.getDayOfWeek();
        return day != DayOfWeek.SATURDAY && day != DayOfWeek.SUNDAY;
    }

    /** The deadline of a limit that starts running at {@code start}. */
    public Instant deadline(Instant start, TimeLimitSpec limit) {
        return plusWorkingTime(start, limit.workingTime(workingHoursPerDay));
    }

    /**
     * The instant at which {@code amount} of working time has elapsed after {@code start}. Time outside office
     * hours does not count; a limit that runs out exactly at the end of a period ends there, not at the next
     * opening.
     */
    public Instant plusWorkingTime(Instant start, Duration amount) {
        if (amount.isNegative()) {
            throw new IllegalArgumentException("working time must not be negative: " + amount);
        }
        ZonedDateTime cursor = start.atZone(zone);
        Duration remaining = amount;
        for (int scanned = 0; scanned < MAX_DAYS_SCANNED; scanned++) {
            LocalDate date = cursor.toLocalDate();
            if (isWorkingDay(date)) {
                for (OfficePeriod period : officeHours) {
                    ZonedDateTime periodStart = date.atTime(period.start()).atZone(zone);
                    ZonedDateTime periodEnd = date.atTime(period.end()).atZone(zone);
                    if (!cursor.isBefore(periodEnd)) {
                        continue;
                    }
                    ZonedDateTime from = cursor.isAfter(periodStart) ? cursor : periodStart;
                    Duration available = Duration.between(from, periodEnd);
                    if (remaining.compareTo(available) <= 0) {
                        return from.plus(remaining).toInstant();
                    }
                    remaining = remaining.minus(available);
                    cursor = periodEnd;
                }
            }
            cursor = date.plusDays(1).atStartOfDay(zone);
        }
        throw new IllegalStateException("no working time within " + MAX_DAYS_SCANNED + " days of " + start);
    }

    /** Working time between two instants (zero if {@code to} is not after {@code from}). */
    public Duration workingTimeBetween(Instant from, Instant to) {
        if (!to.isAfter(from)) {
            return Duration.ZERO;
        }
        Duration total = Duration.ZERO;
        ZonedDateTime end = to.atZone(zone);
        for (LocalDate date = from.atZone(zone).toLocalDate(); !date.isAfter(end.toLocalDate());
                date = date.plusDays(1)) {
            if (!isWorkingDay(date)) {
                continue;
            }
            for (OfficePeriod period : officeHours) {
                Instant periodStart = date.atTime(period.start()).atZone(zone).toInstant();
                Instant periodEnd = date.atTime(period.end()).atZone(zone).toInstant();
                Instant a = from.isAfter(periodStart) ? from : periodStart;
                Instant b = to.isBefore(periodEnd) ? to : periodEnd;
                if (b.isAfter(a)) {
                    total = total.plus(Duration.between(a, b));
                }
            }
        }
        return total;
    }
}
