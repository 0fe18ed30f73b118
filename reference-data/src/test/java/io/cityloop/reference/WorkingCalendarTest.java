package io.cityloop.reference;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;

import org.junit.jupiter.api.Test;

class WorkingCalendarTest {

    private final WorkingCalendar calendar = CityReference.load().calendar();

    private Instant at(String localDateTime) {
        return ZonedDateTime.parse(localDateTime + "+08:00[Asia/Shanghai]").toInstant();
    }

    @Test
    void oneWorkingDayIsSevenOfficeHours() {
        Instant deadline = calendar.deadline(at("2026-11-23T09:00"), new TimeLimitSpec(1, WorkingTimeUnit.WORKING_DAYS));

        assertThat(deadline).isEqualTo(at("2026-11-24T09:00"));
    }

    @Test
    void lunchBreakDoesNotCount() {
        Instant deadline = calendar.deadline(at("2026-11-23T11:00"), TimeLimitSpec.workingHours(2));

        assertThat(deadline).isEqualTo(at("2026-11-23T15:30"));
    }

    @Test
    void aReportAfterHoursStartsCountingAtTheNextOpening() {
        Instant deadline = calendar.deadline(at("2026-11-27T19:40"), TimeLimitSpec.workingHours(2));

        assertThat(deadline).isEqualTo(at("2026-11-30T10:30"));
    }

    @Test
    void aLimitEndingAtCloseEndsThereNotAtTheNextOpening() {
        Instant deadline = calendar.deadline(at("2026-11-23T14:30"), TimeLimitSpec.workingHours(3.5));

        assertThat(deadline).isEqualTo(at("2026-11-23T18:00"));
    }

    @Test
    void nationalDayHolidaysAreSkippedAndTheMakeUpSaturdayWorks() {
        assertThat(calendar.isWorkingDay(LocalDate.parse("2026-10-05"))).isFalse();
        assertThat(calendar.isWorkingDay(LocalDate.parse("2026-10-10"))).isTrue();
        assertThat(calendar.isWorkingDay(LocalDate.parse("2026-09-20"))).isTrue();

        Instant deadline = calendar.deadline(at("2026-09-30T17:00"), new TimeLimitSpec(1, WorkingTimeUnit.WORKING_DAYS));

        assertThat(deadline).isEqualTo(at("2026-10-08T17:00"));
    }

    @Test
    void springFestivalWeekIsNotWorkingTime() {
        Duration during = calendar.workingTimeBetween(at("2026-02-15T00:00"), at("2026-02-24T00:00"));

        assertThat(during).isZero();
        assertThat(calendar.isWorkingDay(LocalDate.parse("2026-02-14"))).isTrue();
    }

    @Test
    void workingTimeBetweenIsTheInverseOfTheDeadline() {
        Instant start = at("2026-12-03T16:10");
        Instant deadline = calendar.deadline(start, new TimeLimitSpec(3, WorkingTimeUnit.WORKING_DAYS));

        assertThat(calendar.workingTimeBetween(start, deadline)).isEqualTo(Duration.ofHours(21));
        assertThat(deadline).isEqualTo(at("2026-12-08T16:10"));
    }

    @Test
    void springFestival2025RunsFromTheTwentyEighthWithTwoMakeUpDays() {
        assertThat(calendar.isWorkingDay(LocalDate.parse("2025-01-26"))).isTrue();
        assertThat(calendar.isWorkingDay(LocalDate.parse("2025-02-08"))).isTrue();
        assertThat(calendar.workingTimeBetween(at("2025-01-28T00:00"), at("2025-02-05T00:00"))).isZero();

        Instant deadline = calendar.deadline(at("2025-01-27T17:00"), new TimeLimitSpec(1, WorkingTimeUnit.WORKING_DAYS));

        assertThat(deadline).isEqualTo(at("2025-02-05T17:00"));
    }

    @Test
    void nationalDay2025IsEightDaysWithTheSaturdayAfterWorking() {
        assertThat(calendar.workingTimeBetween(at("2025-10-01T00:00"), at("2025-10-09T00:00"))).isZero();
        assertThat(calendar.isWorkingDay(LocalDate.parse("2025-09-28"))).isTrue();
        assertThat(calendar.isWorkingDay(LocalDate.parse("2025-10-11"))).isTrue();
    }
}
