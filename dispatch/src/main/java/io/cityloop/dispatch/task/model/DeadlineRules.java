package io.cityloop.dispatch.task.model;

import java.time.Duration;
import java.util.Objects;

import io.cityloop.reference.WorkingCalendar;

/**
 * How a task's clock is read: the working calendar, the share of the limit at which the 黄灯 warning fires
 * (default 0.8), the working time past the deadline after which each automatic 督办 level follows (default one
 * working day), and the highest level reached automatically.
 */
public record DeadlineRules(WorkingCalendar calendar, double warningShare, Duration escalationPeriod,
                            int maxAutomaticLevel) {

    public DeadlineRules {
        Objects.requireNonNull(calendar, "calendar");
        if (!(warningShare > 0 && warningShare < 1)) {
            throw new IllegalArgumentException("warning share must be between 0 and 1, was " + warningShare);
        }
        if (escalationPeriod.isNegative() || escalationPeriod.isZero()) {
            throw new IllegalArgumentException("escalation period must be positive, was " + escalationPeriod);
        }
        if (maxAutomaticLevel < 0) {
            throw new IllegalArgumentException("max automatic level must not be negative");
        }
    }

    public DeadlineRules withCalendar(WorkingCalendar other) {
        return new DeadlineRules(other, warningShare, escalationPeriod, maxAutomaticLevel);
    }
}
