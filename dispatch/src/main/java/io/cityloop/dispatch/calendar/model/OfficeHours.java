package io.cityloop.dispatch.calendar.model;

import java.util.List;

import io.cityloop.reference.OfficePeriod;

/**
 * 办公时间: the periods of a working day that count toward a time limit (default 08:30–12:00 and 14:30–18:00), and
 * how many working hours make one working day (default 7).
 */
public record OfficeHours(List<OfficePeriod> periods, int workingHoursPerDay) {

    public OfficeHours {
        periods = List.copyOf(periods);
        if (periods.isEmpty()) {
            throw new InvalidCalendarException("periods", "not-empty", "a working day needs at least one period");
        }
        for (int i = 1; i < periods.size(); i++) {
            if (periods.get(i).start().isBefore(periods.get(i - 1).end())) {
                throw new InvalidCalendarException("periods[" + i + "]", "ordered",
                        "periods must be in order and must not overlap");
            }
        }
        if (workingHoursPerDay < 1 || workingHoursPerDay > 24) {
            throw new InvalidCalendarException("workingHoursPerDay", "range",
                    "a working day is 1 to 24 working hours, was " + workingHoursPerDay);
        }
    }
}
