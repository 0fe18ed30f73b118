package io.cityloop.dispatch.calendar.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.cityloop.dispatch.calendar.adapters.persistence.ReferenceCalendarSeed;
import io.cityloop.reference.OfficePeriod;
import io.cityloop.reference.TimeLimitSpec;
import io.cityloop.reference.WorkingCalendar;
import io.cityloop.reference.WorkingTimeUnit;

/** The seeded calendar around the 2026 Spring Festival and National Day, and the rules of editing it. */
class CalendarDefinitionTest {

    private static final CalendarDefinition SEEDED = ReferenceCalendarSeed.load();
    private static final WorkingCalendar CALENDAR = SEEDED.workingCalendar();
    private static final TimeLimitSpec ONE_DAY = new TimeLimitSpec(1, WorkingTimeUnit.WORKING_DAYS);

    private static Instant at(String local) {
        return ZonedDateTime.parse(local + "+08:00[Asia/Shanghai]").toInstant();
    }

    @Test
    void seededYearsAreTheStateCouncilArrangementsWithNames() {
        assertThat(SEEDED.years()).extracting(CalendarYear::year).containsExactly(2025, 2026, 2027);
        assertThat(SEEDED.year(2026).provisional()).isFalse();
        assertThat(SEEDED.year(2027).provisional()).isTrue();
        assertThat(SEEDED.year(2026).days()).contains(
                new SpecialDay(LocalDate.parse("2026-02-17"), DayKind.HOLIDAY, "春节"),
                new SpecialDay(LocalDate.parse("2026-02-14"), DayKind.MAKE_UP_WORKDAY, "春节调休上班"),
                new SpecialDay(LocalDate.parse("2026-10-01"), DayKind.HOLIDAY, "国庆节"));
        assertThat(SEEDED.year(2028).provisional()).isTrue();
        assertThat(SEEDED.knows(2028)).isFalse();
    }

    /** Friday 2026-02-13 16:00 + 1 working day: 2 h Friday, 5 h on make-up Saturday 02-14 → Saturday 16:00. */
    @Test
    void makeUpSaturdayBeforeSpringFestivalIsWorked() {
        assertThat(CALENDAR.deadline(at("2026-02-13T16:00"), ONE_DAY)).isEqualTo(at("2026-02-14T16:00"));
    }

    /** Saturday 02-14 17:00 + 1 working day: 1 h, then nine holiday days, then 6 h on Tuesday 02-24. */
    @Test
    void springFestivalWeekStopsTheClock() {
        assertThat(CALENDAR.deadline(at("2026-02-14T17:00"), ONE_DAY)).isEqualTo(at("2026-02-24T17:00"));
        assertThat(CALENDAR.workingTimeBetween(at("2026-02-14T18:00"), at("2026-02-24T08:30"))).isZero();
    }

    /** The make-up Saturday 02-28 after the holiday counts a full day. */
    @Test
    void makeUpSaturdayAfterSpringFestivalCountsSevenHours() {
        assertThat(CALENDAR.workingTimeBetween(at("2026-02-28T00:00"), at("2026-03-01T00:00")))
                .isEqualTo(Duration.ofHours(7));
    }

    /** Urgent 2 h from Wednesday 2026-09-30 17:00: 1 h, then Oct 1–7 off, then 1 h on Thursday 10-08 → 09:30. */
    @Test
    void nationalDayHolidayCarriesAnUrgentLimitOverTheWeek() {
        assertThat(CALENDAR.deadline(at("2026-09-30T17:00"), TimeLimitSpec.workingHours(2)))
                .isEqualTo(at("2026-10-08T09:30"));
        assertThat(CALENDAR.isWorkingDay(LocalDate.parse("2026-10-10"))).isTrue();
        assertThat(CALENDAR.isWorkingDay(LocalDate.parse("2026-09-20"))).isTrue();
        assertThat(CALENDAR.isWorkingDay(LocalDate.parse("2026-09-25"))).isFalse();
    }

    /** 2026 Mid-Autumn (09-25 to 09-27) runs into the weekend; 3 working days from Thu 09-24 09:00 end Wed 09-30. */
    @Test
    void midAutumnAndNationalDayTogether() {
        assertThat(CALENDAR.deadline(at("2026-09-24T09:00"), new TimeLimitSpec(3, WorkingTimeUnit.WORKING_DAYS)))
                .isEqualTo(at("2026-09-30T09:00"));
    }

    @Test
    void replacingAYearMakesTheNextVersion() {
        CalendarYear moved = new CalendarYear(2027, false, "国务院办公厅关于2027年部分节假日安排的通知",
                List.of(new SpecialDay(LocalDate.parse("2027-01-01"), DayKind.HOLIDAY, "元旦")));

        CalendarDefinition next = SEEDED.withYear(moved);

        assertThat(next.version()).isEqualTo(SEEDED.version() + 1);
        assertThat(next.year(2027).provisional()).isFalse();
        assertThat(next.workingCalendar().isWorkingDay(LocalDate.parse("2027-02-08"))).isTrue();
        assertThat(SEEDED.workingCalendar().isWorkingDay(LocalDate.parse("2027-02-08"))).isFalse();
    }

    @Test
    void aMakeUpDayMustBeAWeekendDay() {
        assertThatThrownBy(() -> new CalendarYear(2026, false, "x",
                List.of(new SpecialDay(LocalDate.parse("2026-03-04"), DayKind.MAKE_UP_WORKDAY, null))))
                .isInstanceOfSatisfying(InvalidCalendarException.class,
                        e -> assertThat(e.rule()).isEqualTo("make-up-on-weekend"));
    }

    @Test
    void aDayMustLieInItsYearAndAppearOnce() {
        assertThatThrownBy(() -> new CalendarYear(2026, false, "x",
                List.of(new SpecialDay(LocalDate.parse("2025-10-01"), DayKind.HOLIDAY, "国庆节"))))
                .isInstanceOfSatisfying(InvalidCalendarException.class, e -> assertThat(e.rule()).isEqualTo("in-year"));
        SpecialDay day = new SpecialDay(LocalDate.parse("2026-10-01"), DayKind.HOLIDAY, "国庆节");
        assertThatThrownBy(() -> new CalendarYear(2026, false, "x", List.of(day, day)))
                .isInstanceOfSatisfying(InvalidCalendarException.class, e -> assertThat(e.rule()).isEqualTo("unique"));
    }

    @Test
    void officePeriodsMustNotOverlap() {
        assertThatThrownBy(() -> new OfficeHours(List.of(
                new OfficePeriod(LocalTime.of(8, 30), LocalTime.of(12, 0)),
                new OfficePeriod(LocalTime.of(11, 0), LocalTime.of(18, 0))), 7))
                .isInstanceOfSatisfying(InvalidCalendarException.class, e -> assertThat(e.rule()).isEqualTo("ordered"));
    }

    @Test
    void summerOfficeHoursChangeTheDeadline() {
        CalendarDefinition summer = SEEDED.withOfficeHours(new OfficeHours(List.of(
                new OfficePeriod(LocalTime.of(8, 0), LocalTime.of(12, 0)),
                new OfficePeriod(LocalTime.of(15, 0), LocalTime.of(18, 0))), 7));

        assertThat(summer.workingCalendar().deadline(at("2026-07-01T16:00"), TimeLimitSpec.workingHours(4)))
                .isEqualTo(at("2026-07-02T10:00"));
    }
}
