package io.cityloop.assessment.close.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;

import io.cityloop.assessment.month.model.IllegalTransitionException;
import io.cityloop.assessment.month.model.MonthState;
import io.cityloop.reference.CityReference;

class MonthCloseModelTest {

    private static final CloseSchedule SCHEDULE = new CloseSchedule(CityReference.load().calendar());

    @Test
    void everyAllowedEdgeLeadsOneStepTowardsFinal() {
        assertThat(MonthState.DRAFT.to(MonthState.FROZEN)).isEqualTo(MonthState.FROZEN);
        assertThat(MonthState.FROZEN.to(MonthState.PUBLISHED)).isEqualTo(MonthState.PUBLISHED);
        assertThat(MonthState.PUBLISHED.to(MonthState.APPEALS)).isEqualTo(MonthState.APPEALS);
        assertThat(MonthState.APPEALS.to(MonthState.FINAL)).isEqualTo(MonthState.FINAL);
    }

    @Test
    void everyOtherEdgeIsForbiddenAndAFinalMonthHasNone() {
        for (MonthState from : MonthState.values()) {
            for (MonthState to : MonthState.values()) {
                if (!from.next().contains(to)) {
                    assertThatThrownBy(() -> from.to(to)).as("%s → %s", from, to)
                            .isInstanceOf(IllegalTransitionException.class);
                }
            }
        }
        assertThat(MonthState.FINAL.next()).isEmpty();
        assertThat(MonthState.FINAL.acceptsDecisions()).isFalse();
        assertThat(MonthState.APPEALS.acceptsAppeals()).isFalse();
        assertThat(MonthState.PUBLISHED.acceptsAppeals()).isTrue();
    }

    @Test
    void anAppealIsDecidedOnce() {
        assertThat(AppealState.PENDING.decide(true)).isEqualTo(AppealState.UPHELD);
        assertThat(AppealState.PENDING.decide(false)).isEqualTo(AppealState.REJECTED);
        assertThatThrownBy(() -> AppealState.UPHELD.decide(false)).isInstanceOf(IllegalTransitionException.class);
    }

    @Test
    void aMonthClosesOnTheFirstWorkingDayOfTheNext() {
        // 1 November 2026 is a Sunday; 1–3 January 2027 are the New Year holiday (from the calendar data)
        assertThat(SCHEDULE.firstWorkingDayAfter(YearMonth.of(2026, 10))).isEqualTo(LocalDate.of(2026, 11, 2));
        assertThat(SCHEDULE.firstWorkingDayAfter(YearMonth.of(2026, 11))).isEqualTo(LocalDate.of(2026, 12, 1));
        ZoneId shanghai = ZoneId.of("Asia/Shanghai");
        assertThat(SCHEDULE.isDue(YearMonth.of(2026, 10),
                LocalDateTime.parse("2026-11-01T10:00").atZone(shanghai).toInstant())).isFalse();
        assertThat(SCHEDULE.isDue(YearMonth.of(2026, 10),
                LocalDateTime.parse("2026-11-02T00:05").atZone(shanghai).toInstant())).isTrue();
        assertThat(SCHEDULE.previousMonth(LocalDateTime.parse("2026-11-02T00:05").atZone(shanghai).toInstant()))
                .isEqualTo(YearMonth.of(2026, 10));
    }
}
