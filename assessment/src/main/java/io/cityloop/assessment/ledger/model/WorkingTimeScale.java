package io.cityloop.assessment.ledger.model;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.zone.ZoneRules;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import io.cityloop.reference.WorkingCalendar;

/**
 * The working calendar as a ruler: {@link #position} is the working time (in seconds) elapsed since a fixed origin,
 * so the working time between two instants is a subtraction. Differences are exactly additive, which is what lets
 * the clock ledger's parts add up to the elapsed working time, and the per-day table makes a month of a million
 * cases cheap to measure.
 *
 * <p>The office periods of a working day are read off the calendar once (minute-aligned, as office hours are) and
 * checked against it; a calendar whose periods cannot be read that way is asked directly instead.
 */
public final class WorkingTimeScale {

    private static final LocalDate ORIGIN = LocalDate.of(2000, 1, 1);
    private static final LocalDate HORIZON = LocalDate.of(2100, 1, 1);
    private static final int SECONDS_PER_DAY = 86_400;

    private final WorkingCalendar calendar;
    private final ZoneId zone;
    private final ZoneRules rules;
    private final int[][] officeSeconds;
    private volatile long[] secondsBeforeDay = {0};

    public WorkingTimeScale(WorkingCalendar calendar) {
        this.calendar = calendar;
        this.zone = calendar.zone();
        this.rules = zone.getRules();
        this.officeSeconds = rules.isFixedOffset() || rulesAreStable() ? officePeriods() : null;
    }

    public ZoneId zone() {
        return zone;
    }

    public WorkingCalendar calendar() {
        return calendar;
    }

    /** Working seconds from {@code from} to {@code to}; zero when {@code to} is not after {@code from}. */
    public long secondsBetween(Instant from, Instant to) {
        if (!to.isAfter(from)) {
            return 0;
        }
        return position(to) - position(from);
    }

    /** Working seconds elapsed between the origin (2000-01-01) and {@code at}. */
    public long position(Instant at) {
        long local = at.getEpochSecond() + rules.getOffset(at).getTotalSeconds();
        long epochDay = Math.floorDiv(local, SECONDS_PER_DAY);
        int day = (int) (epochDay - ORIGIN.toEpochDay());
        if (day < 0) {
            return 0;
        }
        if (epochDay >= HORIZON.toEpochDay()) {
            throw new IllegalArgumentException("beyond the working calendar's horizon: " + at);
        }
        long[] table = table(day + 1);
        boolean working = table[day + 1] > table[day];
        if (!working) {
            return table[day];
        }
        int secondOfDay = (int) Math.floorMod(local, SECONDS_PER_DAY);
        return table[day] + withinDay(at, secondOfDay, epochDay);
    }

    private long withinDay(Instant at, int secondOfDay, long epochDay) {
        if (officeSeconds == null) {
            Instant dayStart = LocalDate.ofEpochDay(epochDay).atStartOfDay(zone).toInstant();
            return calendar.workingTimeBetween(dayStart, at).getSeconds();
        }
        long seconds = 0;
        for (int[] period : officeSeconds) {
            if (secondOfDay > period[0]) {
                seconds += Math.min(secondOfDay, period[1]) - period[0];
            }
        }
        return seconds;
    }

    private long[] table(int lastDay) {
        long[] table = secondsBeforeDay;
        return lastDay < table.length ? table : grow(lastDay);
    }

    private synchronized long[] grow(int day) {
        long[] table = secondsBeforeDay;
        if (day < table.length) {
            return table;
        }
        int size = Math.max(day + 1, table.length * 2);
        long[] grown = Arrays.copyOf(table, size);
        for (int i = table.length; i < size; i++) {
            grown[i] = grown[i - 1] + workingSecondsOf(ORIGIN.plusDays(i - 1L));
        }
        secondsBeforeDay = grown;
        return grown;
    }

    private long workingSecondsOf(LocalDate date) {
        if (!calendar.isWorkingDay(date)) {
            return 0;
        }
        return calendar.workingTimeBetween(date.atStartOfDay(zone).toInstant(),
                date.plusDays(1).atStartOfDay(zone).toInstant()).getSeconds();
    }

    private boolean rulesAreStable() {
        return rules.getTransitions().stream().noneMatch(t -> t.getInstant().isAfter(Instant.parse("2000-01-01T00:00:00Z")))
                && rules.getTransitionRules().isEmpty();
    }

    /** The office periods as [start, end) seconds of the day, read off a working day minute by minute. */
    private int[][] officePeriods() {
        LocalDate day = ORIGIN;
        while (!calendar.isWorkingDay(day)) {
            day = day.plusDays(1);
        }
        Instant start = day.atStartOfDay(zone).toInstant();
        List<int[]> periods = new ArrayList<>();
        long previous = 0;
        int openedAt = -1;
        for (int minute = 1; minute <= 1440; minute++) {
            long worked = calendar.workingTimeBetween(start, start.plusSeconds(minute * 60L)).getSeconds();
            boolean working = worked - previous == 60;
            if (working && openedAt < 0) {
                openedAt = (minute - 1) * 60;
            } else if (!working && openedAt >= 0) {
                periods.add(new int[] {openedAt, (minute - 1) * 60});
                openedAt = -1;
            }
            previous = worked;
        }
        if (openedAt >= 0) {
            periods.add(new int[] {openedAt, SECONDS_PER_DAY});
        }
        int[][] read = periods.toArray(int[][]::new);
        long total = periods.stream().mapToLong(p -> p[1] - p[0]).sum();
        Duration day0 = calendar.workingTimeBetween(start, start.plusSeconds(SECONDS_PER_DAY));
        return total == day0.getSeconds() ? read : null;
    }
}
