package io.cityloop.dispatch.calendar.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import io.cityloop.dispatch.calendar.adapters.persistence.ReferenceCalendarSeed;
import io.cityloop.reference.WorkingCalendar;

/**
 * The laws of deadline arithmetic on the seeded calendar (2025–2027 with holidays and 调休), for any start instant
 * to the minute and any amount of working time up to 40 working days.
 */
class WorkingTimeLawsTest {

    private static final WorkingCalendar CALENDAR = ReferenceCalendarSeed.load().workingCalendar();
    private static final Instant FIRST = ZonedDateTime.parse("2025-01-01T00:00+08:00[Asia/Shanghai]").toInstant();
    private static final long MINUTES_IN_THREE_YEARS = 3L * 365 * 24 * 60;

    @Provide
    Arbitrary<Instant> instants() {
        return Arbitraries.longs().between(0, MINUTES_IN_THREE_YEARS - 60L * 24 * 90)
                .map(minutes -> FIRST.plus(Duration.ofMinutes(minutes)));
    }

    @Provide
    Arbitrary<Duration> workingTimes() {
        return Arbitraries.longs().between(1, 40L * 7 * 60).map(Duration::ofMinutes);
    }

    @Property(tries = 300)
    void elapsedWorkingTimeUpToTheDeadlineIsExactlyTheLimit(@ForAll("instants") Instant start,
                                                             @ForAll("workingTimes") Duration limit) {
        Instant deadline = CALENDAR.plusWorkingTime(start, limit);

        assertThat(CALENDAR.workingTimeBetween(start, deadline)).isEqualTo(limit);
    }

    @Property(tries = 300)
    void moreWorkingTimeNeverEndsEarlier(@ForAll("instants") Instant start, @ForAll("workingTimes") Duration a,
                                         @ForAll("workingTimes") Duration b) {
        Duration shorter = a.compareTo(b) <= 0 ? a : b;
        Duration longer = a.compareTo(b) <= 0 ? b : a;

        assertThat(CALENDAR.plusWorkingTime(start, shorter)).isBeforeOrEqualTo(CALENDAR.plusWorkingTime(start, longer));
    }

    @Property(tries = 300)
    void aLaterStartNeverEndsEarlier(@ForAll("instants") Instant start, @ForAll("workingTimes") Duration gap,
                                     @ForAll("workingTimes") Duration limit) {
        Instant later = start.plus(gap);

        assertThat(CALENDAR.plusWorkingTime(start, limit)).isBeforeOrEqualTo(CALENDAR.plusWorkingTime(later, limit));
    }

    @Property(tries = 300)
    void addingInTwoStepsEqualsAddingAtOnce(@ForAll("instants") Instant start, @ForAll("workingTimes") Duration a,
                                            @ForAll("workingTimes") Duration b) {
        Instant stepwise = CALENDAR.plusWorkingTime(CALENDAR.plusWorkingTime(start, a), b);

        assertThat(stepwise).isEqualTo(CALENDAR.plusWorkingTime(start, a.plus(b)));
    }

    @Property(tries = 300)
    void elapsedTimeAddsUpOverConsecutiveStretches(@ForAll("instants") Instant from,
                                                   @ForAll("workingTimes") Duration first,
                                                   @ForAll("workingTimes") Duration second) {
        Instant middle = from.plus(first.multipliedBy(3));
        Instant to = middle.plus(second.multipliedBy(3));

        assertThat(CALENDAR.workingTimeBetween(from, middle).plus(CALENDAR.workingTimeBetween(middle, to)))
                .isEqualTo(CALENDAR.workingTimeBetween(from, to));
    }

    @Property(tries = 300)
    void theDeadlineOfTheElapsedTimeIsTheEarliestInstantWithThatMuchWork(@ForAll("instants") Instant from,
                                                                          @ForAll("workingTimes") Duration span) {
        Instant to = from.plus(span.multipliedBy(4));
        Duration elapsed = CALENDAR.workingTimeBetween(from, to);
        if (elapsed.isZero()) {
            return;
        }

        Instant reached = CALENDAR.plusWorkingTime(from, elapsed);

        assertThat(reached).isBeforeOrEqualTo(to);
        assertThat(CALENDAR.workingTimeBetween(reached, to)).isZero();
    }
}
