package io.cityloop.reference;

import java.time.Duration;

/** A time limit as the catalog states it (e.g. 1 working day), before it is laid onto the calendar. */
public record TimeLimitSpec(double amount, WorkingTimeUnit unit) {

    public TimeLimitSpec {
        if (amount <= 0) {
            throw new IllegalArgumentException("a time limit must be positive, was " + amount);
        }
    }

    public static TimeLimitSpec workingHours(double hours) {
        return new TimeLimitSpec(hours, WorkingTimeUnit.WORKING_HOURS);
    }

    /** The amount of working time this limit grants, with a working day of {@code hoursPerDay} hours. */
    public Duration workingTime(int hoursPerDay) {
        double hours = unit == WorkingTimeUnit.WORKING_DAYS ? amount * hoursPerDay : amount;
        return Duration.ofSeconds(Math.round(hours * 3600));
    }
}
