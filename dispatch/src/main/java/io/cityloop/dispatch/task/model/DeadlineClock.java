package io.cityloop.dispatch.task.model;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import io.cityloop.reference.WorkingCalendar;

/**
 * A task's deadline as the working time it was granted from a start, minus the time it stood suspended. The
 * deadline itself is derived, so a changed calendar or an ended suspension re-projects it exactly.
 *
 * @param start          when the current limit began to run: the dispatch, or the rework
 * @param grantedSeconds the category's limit plus every approved extension, in working seconds
 */
public record DeadlineClock(Instant start, long grantedSeconds, List<Suspension> suspensions) {

    public DeadlineClock {
        suspensions = List.copyOf(suspensions);
    }

    public static DeadlineClock startingAt(Instant start, Duration granted) {
        return new DeadlineClock(start, granted.toSeconds(), List.of());
    }

    public Duration granted() {
        return Duration.ofSeconds(grantedSeconds);
    }

    /** The working time the clock stood still in ended suspensions; an ongoing one is not yet known. */
    public Duration paused(WorkingCalendar calendar) {
        return suspensions.stream().filter(s -> !s.isOpen())
                .map(s -> calendar.workingTimeBetween(s.from(), s.to()))
                .reduce(Duration.ZERO, Duration::plus);
    }

    public Instant deadline(WorkingCalendar calendar) {
        return calendar.plusWorkingTime(start, granted().plus(paused(calendar)));
    }

    /** The instant at which {@code share} of the granted time is used up. */
    public Instant shareReachedAt(WorkingCalendar calendar, double share) {
        Duration part = Duration.ofSeconds(Math.round(grantedSeconds * share));
        return calendar.plusWorkingTime(start, part.plus(paused(calendar)));
    }

    /** Working time used up to {@code now}, not counting suspensions (an ongoing one counts up to now). */
    public Duration elapsed(WorkingCalendar calendar, Instant now) {
        Duration used = calendar.workingTimeBetween(start, now).minus(paused(calendar));
        for (Suspension s : suspensions) {
            if (s.isOpen()) {
                used = used.minus(calendar.workingTimeBetween(s.from(), now));
            }
        }
        return used;
    }

    /** Working time left; negative once the deadline has passed. */
    public Duration remaining(WorkingCalendar calendar, Instant now) {
        return granted().minus(elapsed(calendar, now));
    }

    public boolean isSuspended() {
        return !suspensions.isEmpty() && suspensions.get(suspensions.size() - 1).isOpen();
    }

    DeadlineClock extendedBy(Duration more) {
        return new DeadlineClock(start, grantedSeconds + more.toSeconds(), suspensions);
    }

    DeadlineClock suspendedAt(Instant at) {
        List<Suspension> all = new ArrayList<>(suspensions);
        all.add(new Suspension(at, null));
        return new DeadlineClock(start, grantedSeconds, all);
    }

    DeadlineClock resumedAt(Instant at) {
        List<Suspension> all = new ArrayList<>(suspensions);
        all.set(all.size() - 1, all.get(all.size() - 1).endedAt(at));
        return new DeadlineClock(start, grantedSeconds, all);
    }
}
