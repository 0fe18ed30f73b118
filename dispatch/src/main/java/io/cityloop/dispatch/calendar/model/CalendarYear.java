package io.cityloop.dispatch.calendar.model;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * One year's holiday arrangement (节假日安排) as the State Council publishes it each winter for the next year.
 * {@code provisional} marks a year whose notice is not out yet: its holidays sit on their statutory dates and
 * its make-up days are a guess, to be replaced once published.
 */
public record CalendarYear(int year, boolean provisional, String source, List<SpecialDay> days) {

    public CalendarYear {
        days = days.stream().sorted(Comparator.comparing(SpecialDay::date)).toList();
        validate(year, days);
    }

    private static void validate(int year, List<SpecialDay> days) {
        if (year < 2000 || year > 2100) {
            throw new InvalidCalendarException("year", "range", "year must be between 2000 and 2100, was " + year);
        }
        Set<LocalDate> seen = new HashSet<>();
        for (int i = 0; i < days.size(); i++) {
            SpecialDay day = days.get(i);
            String field = "days[" + i + "]";
            if (day.date().getYear() != year) {
                throw new InvalidCalendarException(field + ".date", "in-year", day.date() + " is not in " + year);
            }
            if (!seen.add(day.date())) {
                throw new InvalidCalendarException(field + ".date", "unique", day.date() + " is listed twice");
            }
            if (day.kind() == DayKind.MAKE_UP_WORKDAY && !isWeekend(day.date())) {
                throw new InvalidCalendarException(field + ".kind", "make-up-on-weekend",
                        day.date() + " is a weekday; only a Saturday or Sunday can be a make-up working day");
            }
        }
    }

    static boolean isWeekend(LocalDate date) {
        return date.getDayOfWeek() == DayOfWeek.SATURDAY || date.getDayOfWeek() == DayOfWeek.SUNDAY;
    }

    /** A year with no published arrangement: plain Monday to Friday. */
    public static CalendarYear unpublished(int year) {
        return new CalendarYear(year, true, "no arrangement published; Monday to Friday", List.of());
    }

    public List<SpecialDay> holidays() {
        return days.stream().filter(d -> d.kind() == DayKind.HOLIDAY).toList();
    }

    public List<SpecialDay> makeUpWorkdays() {
        return days.stream().filter(d -> d.kind() == DayKind.MAKE_UP_WORKDAY).toList();
    }
}
