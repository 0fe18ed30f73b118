package io.cityloop.intake.casefile.adapters.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import org.junit.jupiter.api.Test;

import io.cityloop.intake.casefile.model.CaseFile;
import io.cityloop.intake.casefile.model.CaseFixture;
import io.cityloop.reference.CityReference;
import io.cityloop.reference.WorkingCalendar;

/** The inspector's check list counts the time left on the city's working calendar, as dispatch does for tasks. */
class VerificationItemTest {

    private static final WorkingCalendar CALENDAR = CityReference.load().calendar();

    /** Monday 2026-11-23, Xianyang time (UTC+8). */
    private static Instant monday(String localTime) {
        return Instant.parse("2026-11-23T" + localTime + ":00+08:00");
    }

    @Test
    void anOpenCheckCarriesTheWorkingMinutesLeftThePlaceAndTheUnitWhoseFeedbackIsChecked() {
        CaseFile file = CaseFixture.verifyingCase();
        assertThat(file.verification().dueBy()).isEqualTo(monday("12:00"));

        VerificationItem item = VerificationItem.of(file, CALENDAR, monday("11:15"));

        assertThat(item.remainingWorkingMinutes()).isEqualTo(45);
        assertThat(item.lon()).isEqualTo(108.7012);
        assertThat(item.lat()).isEqualTo(34.3405);
        assertThat(item.description()).isEqualTo("人民路与渭阳西路交叉口东南角暴露垃圾约2平方米");
        assertThat(item.dispatchedUnitId()).isEqualTo("district-610402");
        assertThat(item.unitName()).isEqualTo("秦都区");
        assertThat(item.taskId()).isEqualTo(CaseFixture.TASK.taskId());
        assertThat(item.assignee()).isEqualTo("inspector");
        assertThat(item.gridCode()).isEqualTo("6104020050030184");
    }

    @Test
    void overdueIsNegativeAndTheLunchBreakTheEveningAndTheWeekendDoNotCount() {
        Instant dueBy = monday("12:00");

        assertThat(VerificationItem.remainingWorkingMinutes(CALENDAR, dueBy, monday("12:00"))).isZero();
        assertThat(VerificationItem.remainingWorkingMinutes(CALENDAR, dueBy, monday("13:30"))).as("lunch").isZero();
        assertThat(VerificationItem.remainingWorkingMinutes(CALENDAR, dueBy, monday("15:00"))).isEqualTo(-30);
        assertThat(VerificationItem.remainingWorkingMinutes(CALENDAR, dueBy, monday("20:00"))).isEqualTo(-210);
        assertThat(VerificationItem.remainingWorkingMinutes(CALENDAR, dueBy, monday("08:00")))
                .as("before office hours").isEqualTo(210);

        Instant fridayEvening = Instant.parse("2026-11-27T17:30:00+08:00");
        Instant mondayMorning = Instant.parse("2026-11-30T09:00:00+08:00");
        assertThat(VerificationItem.remainingWorkingMinutes(CALENDAR, mondayMorning, fridayEvening)).isEqualTo(60);
        assertThat(VerificationItem.remainingWorkingMinutes(CALENDAR, fridayEvening, mondayMorning)).isEqualTo(-60);
    }

    @Test
    void theNationalDayHolidayIsNoWorkingTime() {
        Instant dueBy = Instant.parse("2026-10-08T09:30:00+08:00");
        Instant wednesdayBefore = Instant.parse("2026-09-30T17:00:00+08:00");

        assertThat(VerificationItem.remainingWorkingMinutes(CALENDAR, dueBy, wednesdayBefore)).isEqualTo(120);
        assertThat(VerificationItem.remainingWorkingMinutes(CALENDAR, dueBy,
                Instant.parse("2026-10-05T10:00:00+08:00"))).isEqualTo(60);
        assertThat(VerificationItem.remainingWorkingMinutes(CALENDAR, null, wednesdayBefore)).isNull();
    }
}
