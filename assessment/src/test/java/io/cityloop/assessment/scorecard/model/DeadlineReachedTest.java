package io.cityloop.assessment.scorecard.model;

import static io.cityloop.assessment.facts.model.CaseFactsFixture.aCase;
import static io.cityloop.assessment.facts.model.CaseFactsFixture.at;
import static io.cityloop.assessment.scorecard.model.Scorecards.calculator;
import static io.cityloop.assessment.scorecard.model.Scorecards.month;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.cityloop.assessment.facts.model.CaseFacts;
import io.cityloop.assessment.scheme.model.Measure;
import io.cityloop.assessment.scheme.model.Scope;
import io.cityloop.assessment.scheme.model.ScoringScheme;
import io.cityloop.assessment.scheme.model.TestSchemes;

/**
 * A burst water pipe (one working day) dispatched to 市水务集团 on Saturday 28 November 2026: its working clock starts
 * on Monday 08:30 and its deadline is Monday 30 November 18:00, the end of office hours — the allowance runs out
 * exactly there, and no working time passes after it before the month ends. Scheme 2026.3 counts it as dispatch
 * shows it, overdue from 18:00; 2026.2 (and 2026.1) counted it as still in time.
 */
class DeadlineReachedTest {

    private static final ScoringScheme V2 = TestSchemes.read("scoring-schemes/gbt30428-default-2026.2.json");
    private static final ScoringScheme V3 = TestSchemes.read("scoring-schemes/gbt30428-default-2026.3.json");
    private static final String WATER = "dept-16";

    @Test
    void openPastItsDeadlineAtTheEndOfOfficeHoursIsOverdueAtTheCutOff() {
        CaseFacts open = pipe("P1").facts();

        ScorecardRow before = row(V2, open);
        assertThat(before.count(Measure.PENDING)).as("2026.2: still in time").isOne();
        assertThat(before.count(Measure.OVERDUE_OPEN)).isZero();

        ScorecardRow now = row(V3, open);
        assertThat(now.count(Measure.OVERDUE_OPEN)).as("2026.3: 超期未处置").isOne();
        assertThat(now.count(Measure.PENDING)).isZero();
        assertThat(now.count(Measure.OVERDUE)).isOne();
    }

    @Test
    void handledAnHourAfterTheDeadlineIsLateThoughNoWorkingTimePassed() {
        CaseFacts lateByAnHour = pipe("P2").handled("2026-11-30T19:00").facts();

        assertThat(row(V2, lateByAnHour).count(Measure.HANDLED_ON_TIME)).as("2026.2").isOne();
        ScorecardRow now = row(V3, lateByAnHour);
        assertThat(now.count(Measure.HANDLED_LATE)).as("2026.3").isOne();
        assertThat(now.count(Measure.HANDLED_ON_TIME)).isZero();
    }

    @Test
    void handledAtOrBeforeTheDeadlineStaysOnTime() {
        CaseFacts atTheDeadline = pipe("P3").handled("2026-11-30T18:00").facts();
        CaseFacts anHourEarly = pipe("P4").handled("2026-11-30T17:00").facts();

        assertThat(row(V3, atTheDeadline).count(Measure.HANDLED_ON_TIME)).isOne();
        assertThat(row(V3, anHourEarly).count(Measure.HANDLED_ON_TIME)).isOne();
    }

    @Test
    void theNewVersionTakesOverFromJanuary2027() {
        var book = new io.cityloop.assessment.scheme.model.SchemeBook(List.of(Scorecards.DEFAULT, V2, V3),
                java.util.Map.of());
        assertThat(book.forMonth(java.time.YearMonth.of(2026, 12)).reference()).isEqualTo("gbt30428-default@2026.1");
        assertThat(book.forMonth(java.time.YearMonth.of(2027, 1)).reference()).isEqualTo("gbt30428-default@2026.3");
        assertThat(V3.countingRules().deadlineReachedIsOverdue()).isTrue();
        assertThat(V2.countingRules().deadlineReachedIsOverdue()).isFalse();
    }

    private static io.cityloop.assessment.facts.model.CaseFactsFixture pipe(String id) {
        return aCase(id).reportedIn("610404", "2026-11-28T09:40").filed("2026-11-28T09:50")
                .dispatchedTo(WATER, "2026-11-28T10:00", "2026-11-30T18:00");
    }

    private static ScorecardRow row(ScoringScheme scheme, CaseFacts facts) {
        return calculator(month(2026, 11), at("2026-12-05T10:00"), scheme, Corrections.NONE)
                .scorecard(Scope.UNIT, List.of(facts)).row(WATER).orElseThrow();
    }
}
