package io.cityloop.dispatch.task.model;

import java.time.Duration;
import java.time.Instant;

import io.cityloop.reference.TimeLimitSpec;
import io.cityloop.reference.WorkingCalendar;

/**
 * 时限: a task's deadline clock, the instants derived from it, and what the deadline watch has signalled against the
 * current deadline. The derived instants are kept so the store can query and sort by them.
 *
 * @param deadline         derived from {@code clock}
 * @param warnAt           when the 黄灯 share of the limit is used up
 * @param nextEscalationAt when the next automatic 督办 is due, {@code null} when none is
 * @param warned           the 黄灯 was signalled for the current deadline
 * @param overdue          the 红灯 was signalled for the current deadline
 * @param escalationLevel  the 督办 level reached, by hand or automatically; a new deadline keeps it
 */
public record Countdown(DeadlineClock clock, Instant deadline, Instant warnAt, Instant nextEscalationAt,
                        boolean warned, boolean overdue, int escalationLevel) {

    static Countdown startingAt(Instant start, TimeLimitSpec limit, DeadlineRules rules) {
        return new Countdown(clock(start, limit, rules), null, null, null, false, false, 0).projected(rules);
    }

    /** Derives the deadline and the watch's two instants from the clock. */
    Countdown projected(DeadlineRules rules) {
        WorkingCalendar calendar = rules.calendar();
        Instant newDeadline = clock.deadline(calendar);
        Instant nextEscalation = escalationLevel < rules.maxAutomaticLevel()
                ? calendar.plusWorkingTime(newDeadline, rules.escalationPeriod().multipliedBy(escalationLevel + 1L))
                : null;
        return new Countdown(clock, newDeadline, clock.shareReachedAt(calendar, rules.warningShare()),
                nextEscalation, warned, overdue, escalationLevel);
    }

    /** An approved extension: more working time, and both signals are due again against the new deadline. */
    Countdown extendedBy(Duration more, DeadlineRules rules) {
        return with(clock.extendedBy(more), false, false, escalationLevel).projected(rules);
    }

    /** Rework: a fresh limit from {@code start}, with both signals due again. */
    Countdown restartedAt(Instant start, TimeLimitSpec limit, DeadlineRules rules) {
        return with(clock(start, limit, rules), false, false, escalationLevel).projected(rules);
    }

    Countdown suspendedAt(Instant at) {
        return with(clock.suspendedAt(at), warned, overdue, escalationLevel);
    }

    Countdown resumedAt(Instant at) {
        return with(clock.resumedAt(at), warned, overdue, escalationLevel);
    }

    boolean warningDue(Instant now) {
        return !warned && !now.isBefore(warnAt);
    }

    boolean overdueDue(Instant now) {
        return !overdue && now.isAfter(deadline);
    }

    boolean escalationDue(Instant now) {
        return overdue && nextEscalationAt != null && !now.isBefore(nextEscalationAt);
    }

    Countdown warningSent() {
        return with(clock, true, overdue, escalationLevel);
    }

    Countdown overdueSent() {
        return with(clock, warned, true, escalationLevel);
    }

    /** One 督办 level up; the next automatic level is due one escalation period later. */
    Countdown escalated(DeadlineRules rules) {
        return with(clock, warned, overdue, escalationLevel + 1).projected(rules);
    }

    private Countdown with(DeadlineClock newClock, boolean newWarned, boolean newOverdue, int newLevel) {
        return new Countdown(newClock, deadline, warnAt, nextEscalationAt, newWarned, newOverdue, newLevel);
    }

    private static DeadlineClock clock(Instant start, TimeLimitSpec limit, DeadlineRules rules) {
        return DeadlineClock.startingAt(start, limit.workingTime(rules.calendar().workingHoursPerDay()));
    }
}
