package io.cityloop.assessment.scorecard.model;

import static io.cityloop.assessment.facts.model.CaseFactsFixture.SHANGHAI;
import static io.cityloop.assessment.facts.model.CaseFactsFixture.aCase;
import static io.cityloop.assessment.facts.model.CaseFactsFixture.at;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.YearMonth;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.cityloop.assessment.facts.model.CaseFacts;
import io.cityloop.assessment.facts.model.CaseFactsFixture;
import io.cityloop.reference.CityReference;

class ScorecardTest {

    private static final CityReference CITY = CityReference.load();
    private static final AssessmentMonth NOVEMBER = new AssessmentMonth(YearMonth.of(2026, 11), SHANGHAI);
    private static final Instant AFTER_NOVEMBER = at("2026-12-05T10:00");
    private static final String QINDU = "district-610402";

    @Test
    void taskHandledByTheDeadlineIsHandledOnTime() {
        TaskTally tally = unitTally(QINDU, AFTER_NOVEMBER, aCase("C1").reportedIn("610402", "2026-11-02T09:00")
                .dispatchedTo(QINDU, "2026-11-02T09:20", "2026-11-03T09:20")
                .handled("2026-11-02T15:00", true).facts());

        assertThat(tally).isEqualTo(new TaskTally(1, 1, 1, 0, 0, 0));
        assertThat(tally.handledLate()).isZero();
        assertThat(tally.overdue()).isZero();
        assertThat(tally.pending()).isZero();
    }

    @Test
    void taskHandledAfterTheDeadlineIsHandledLateAndOverdue() {
        TaskTally tally = unitTally(QINDU, AFTER_NOVEMBER, aCase("C1").reportedIn("610402", "2026-11-02T09:00")
                .dispatchedTo(QINDU, "2026-11-02T09:20", "2026-11-03T09:20")
                .handled("2026-11-04T11:00", false).facts());

        assertThat(tally.handled()).isEqualTo(1);
        assertThat(tally.handledOnTime()).isZero();
        assertThat(tally.handledLate()).isEqualTo(1);
        assertThat(tally.overdueOpen()).isZero();
        assertThat(tally.overdue()).isEqualTo(1);
        assertThat(tally.overdueRate()).isEqualTo(1.0);
        assertThat(tally.onTimeRate()).isEqualTo(0.0);
    }

    @Test
    void openTaskPastItsDeadlineIsOverdueOpen() {
        TaskTally tally = unitTally("dept-16", AFTER_NOVEMBER, aCase("C2").reportedIn("610402", "2026-11-10T09:00")
                .dispatchedTo("dept-16", "2026-11-10T09:30", "2026-11-13T09:30").facts());

        assertThat(tally).isEqualTo(new TaskTally(1, 0, 0, 1, 0, 0));
        assertThat(tally.overdue()).isEqualTo(1);
        assertThat(tally.pending()).isZero();
        assertThat(tally.handlingRate()).isEqualTo(0.0);
        assertThat(tally.reworkRate()).isNull();
    }

    @Test
    void openTaskNotYetDueAtTheCutOffIsPending() {
        Instant midNovember = at("2026-11-15T10:00");
        TaskTally tally = unitTally(QINDU, midNovember, aCase("C1").reportedIn("610402", "2026-11-13T09:00")
                .dispatchedTo(QINDU, "2026-11-13T09:20", "2026-11-20T09:20").facts());

        assertThat(tally.dispatched()).isEqualTo(1);
        assertThat(tally.pending()).isEqualTo(1);
        assertThat(tally.overdueOpen()).isZero();
        assertThat(tally.overdue()).isZero();
    }

    @Test
    void factsAfterTheCutOffDoNotCount() {
        Instant midNovember = at("2026-11-15T10:00");
        CaseFacts facts = aCase("C1").reportedIn("610402", "2026-11-11T09:00")
                .dispatchedTo(QINDU, "2026-11-11T09:20", "2026-11-12T09:20")
                .handled("2026-11-16T10:00", false)
                .closed("2026-11-17T10:00").facts();

        TaskTally atMidMonth = unitTally(QINDU, midNovember, facts);
        TaskTally afterMonth = unitTally(QINDU, AFTER_NOVEMBER, facts);

        assertThat(atMidMonth).isEqualTo(new TaskTally(1, 0, 0, 1, 0, 0));
        assertThat(afterMonth).isEqualTo(new TaskTally(1, 1, 0, 0, 0, 1));
    }

    @Test
    void reworkedTaskCountsAsHandledOnlyOnceHandledAgain() {
        TaskTally reopened = unitTally(QINDU, AFTER_NOVEMBER, reopenedCase().facts());
        TaskTally handledAgain = unitTally(QINDU, AFTER_NOVEMBER, reopenedCase()
                .handled("2026-11-03T10:00", true).closed("2026-11-03T11:00").facts());

        assertThat(reopened).isEqualTo(new TaskTally(1, 0, 0, 1, 1, 0));
        assertThat(handledAgain).isEqualTo(new TaskTally(1, 1, 1, 0, 1, 1));
        assertThat(handledAgain.reworkRate()).isEqualTo(1.0);
        assertThat(handledAgain.closingRate()).isEqualTo(1.0);
    }

    @Test
    void reworkDeadlineInTheNextMonthMovesTheTaskThere() {
        CaseFacts facts = aCase("C1").reportedIn("610402", "2026-11-30T09:00")
                .dispatchedTo(QINDU, "2026-11-30T09:20", "2026-11-30T17:00")
                .handled("2026-11-30T15:00", true)
                .reworkRequired("2026-11-30T16:00")
                .reworkDispatched("2026-11-30T16:10", "2026-12-01T16:10").facts();
        AssessmentMonth december = new AssessmentMonth(YearMonth.of(2026, 12), SHANGHAI);

        assertThat(unitTally(QINDU, AFTER_NOVEMBER, facts).dispatched()).isZero();
        assertThat(tally(december, at("2027-01-05T10:00"), QINDU, facts))
                .isEqualTo(new TaskTally(1, 0, 0, 1, 1, 0));
    }

    @Test
    void ratesAreRoundedToFourDecimals() {
        List<CaseFacts> cases = List.of(
                aCase("C1").reportedIn("610402", "2026-11-02T09:00")
                        .dispatchedTo(QINDU, "2026-11-02T09:20", "2026-11-03T09:20")
                        .handled("2026-11-02T15:00", true).closed("2026-11-02T17:00").facts(),
                aCase("C2").reportedIn("610402", "2026-11-05T09:00")
                        .dispatchedTo(QINDU, "2026-11-05T09:20", "2026-11-06T09:20")
                        .handled("2026-11-09T15:00", false).facts(),
                aCase("C3").reportedIn("610402", "2026-11-10T09:00")
                        .dispatchedTo(QINDU, "2026-11-10T09:20", "2026-11-11T09:20").facts());

        TaskTally tally = unitTally(QINDU, AFTER_NOVEMBER, cases.toArray(CaseFacts[]::new));

        assertThat(tally).isEqualTo(new TaskTally(3, 2, 1, 1, 0, 1));
        assertThat(tally.handlingRate()).isEqualTo(0.6667);
        assertThat(tally.onTimeRate()).isEqualTo(0.3333);
        assertThat(tally.overdueRate()).isEqualTo(0.6667);
        assertThat(tally.reworkRate()).isEqualTo(0.0);
        assertThat(tally.closingRate()).isEqualTo(0.3333);
    }

    @Test
    void everyUnitGetsARowAndEmptyRowsHaveNoRates() {
        List<UnitScore> rows = calculator(NOVEMBER, AFTER_NOVEMBER).units(CITY.units(), List.of());

        assertThat(rows).hasSize(34);
        assertThat(rows.get(0).unit().id()).isEqualTo("dept-01");
        assertThat(rows).extracting(row -> row.unit().id()).isSorted();
        UnitScore empty = rows.get(0);
        assertThat(empty.tasks()).isEqualTo(TaskTally.EMPTY);
        assertThat(empty.tasks().handlingRate()).isNull();
        assertThat(empty.tasks().onTimeRate()).isNull();
        assertThat(empty.tasks().overdueRate()).isNull();
        assertThat(empty.tasks().reworkRate()).isNull();
        assertThat(empty.tasks().closingRate()).isNull();
    }

    @Test
    void monthBoundariesAreShanghaiLocalTime() {
        CaseFacts lateNovember = aCase("C1").reportedIn("610402", "2026-11-30T09:00")
                .dispatchedTo(QINDU, "2026-11-30T09:20", "2026-11-30T23:30").facts();
        CaseFacts earlyDecember = aCase("C2").reportedIn("610402", "2026-11-30T09:00")
                .dispatchedTo(QINDU, "2026-11-30T09:20", "2026-12-01T00:10").facts();
        AssessmentMonth december = new AssessmentMonth(YearMonth.of(2026, 12), SHANGHAI);
        Instant afterDecember = at("2027-01-05T10:00");

        assertThat(NOVEMBER.start()).isEqualTo(Instant.parse("2026-10-31T16:00:00Z"));
        assertThat(NOVEMBER.end()).isEqualTo(Instant.parse("2026-11-30T16:00:00Z"));
        assertThat(unitTally(QINDU, AFTER_NOVEMBER, lateNovember, earlyDecember).dispatched()).isEqualTo(1);
        assertThat(tally(december, afterDecember, QINDU, lateNovember, earlyDecember).dispatched()).isEqualTo(1);
        assertThat(tally(december, afterDecember, QINDU, earlyDecember).dispatched()).isEqualTo(1);
    }

    @Test
    void cutOffIsNowDuringTheMonthAndTheMonthEndAfterIt() {
        assertThat(NOVEMBER.cutOff(at("2026-11-15T10:00"))).isEqualTo(at("2026-11-15T10:00"));
        assertThat(NOVEMBER.cutOff(AFTER_NOVEMBER)).isEqualTo(NOVEMBER.end());
    }

    @Test
    void districtRowsCountReportsFilingsAndTasksOfCasesLocatedThere() {
        List<CaseFacts> cases = List.of(
                aCase("C1").reportedIn("610402", "2026-11-02T09:00").filed("2026-11-02T09:10")
                        .dispatchedTo(QINDU, "2026-11-02T09:20", "2026-11-03T09:20")
                        .handled("2026-11-02T15:00", true).closed("2026-11-02T17:00").facts(),
                aCase("C2").reportedIn("610402", "2026-11-10T09:00").filed("2026-11-10T09:10")
                        .dispatchedTo("dept-16", "2026-11-10T09:30", "2026-11-13T09:30").facts(),
                aCase("C3").reportedIn("610402", "2026-11-11T09:00").facts(),
                aCase("C4").reportedIn("610404", "2026-10-31T23:50").filed("2026-11-01T08:40").facts());

        List<DistrictScore> rows = calculator(NOVEMBER, AFTER_NOVEMBER).districts(CITY.districts(), cases);

        assertThat(rows).hasSize(13);
        assertThat(rows).extracting(row -> row.district().code()).isSorted();
        DistrictScore qindu = row(rows, "610402");
        assertThat(qindu.reported()).isEqualTo(3);
        assertThat(qindu.filed()).isEqualTo(2);
        assertThat(qindu.filingRate()).isEqualTo(0.6667);
        assertThat(qindu.tasks()).isEqualTo(new TaskTally(2, 1, 1, 1, 0, 1));
        assertThat(qindu.tasks().handlingRate()).isEqualTo(0.5);
        DistrictScore weicheng = row(rows, "610404");
        assertThat(weicheng.reported()).isZero();
        assertThat(weicheng.filed()).isEqualTo(1);
        assertThat(weicheng.filingRate()).isNull();
        assertThat(row(rows, "610482").tasks()).isEqualTo(TaskTally.EMPTY);
    }

    private static DistrictScore row(List<DistrictScore> rows, String code) {
        return rows.stream().filter(row -> row.district().code().equals(code)).findFirst().orElseThrow();
    }

    private static TaskTally unitTally(String unitId, Instant now, CaseFacts... cases) {
        return tally(NOVEMBER, now, unitId, cases);
    }

    private static TaskTally tally(AssessmentMonth month, Instant now, String unitId, CaseFacts... cases) {
        return calculator(month, now).units(CITY.units(), List.of(cases)).stream()
                .filter(row -> row.unit().id().equals(unitId))
                .findFirst().orElseThrow().tasks();
    }

    private static ScorecardCalculator calculator(AssessmentMonth month, Instant now) {
        return new ScorecardCalculator(ScoringPeriod.asOf(month, now));
    }

    /** A case handled on time, then sent back by a failed check with a new deadline that has passed. */
    private static CaseFactsFixture reopenedCase() {
        return aCase("C1").reportedIn("610402", "2026-11-02T09:00")
                .dispatchedTo(QINDU, "2026-11-02T09:20", "2026-11-03T09:20")
                .handled("2026-11-02T15:00", true)
                .reworkRequired("2026-11-02T16:00")
                .reworkDispatched("2026-11-02T16:10", "2026-11-04T16:10");
    }
}
