package io.cityloop.assessment.scorecard.model;

import static io.cityloop.assessment.facts.model.CaseFactsFixture.aCase;
import static io.cityloop.assessment.facts.model.CaseFactsFixture.at;
import static io.cityloop.assessment.scorecard.model.Scorecards.CITY;
import static io.cityloop.assessment.scorecard.model.Scorecards.calculator;
import static io.cityloop.assessment.scorecard.model.Scorecards.counts;
import static io.cityloop.assessment.scorecard.model.Scorecards.month;
import static io.cityloop.assessment.scorecard.model.Scorecards.row;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.cityloop.assessment.facts.model.CaseFacts;
import io.cityloop.assessment.facts.model.CaseFactsFixture;
import io.cityloop.assessment.scheme.model.Indicators;
import io.cityloop.assessment.scheme.model.Measure;
import io.cityloop.assessment.scheme.model.Ratio;
import io.cityloop.assessment.scheme.model.Scope;

/** Working hours 08:30–12:00 and 14:30–18:00 on weekdays; 2 November 2026 is a Monday. */
class ScorecardTest {

    private static final AssessmentMonth NOVEMBER = month(2026, 11);
    private static final AssessmentMonth DECEMBER = month(2026, 12);
    private static final Instant AFTER_NOVEMBER = at("2026-12-05T10:00");
    private static final Instant AFTER_DECEMBER = at("2027-01-05T10:00");
    private static final String QINDU = "district-610402";

    @Test
    void taskHandledWithinItsAllowanceIsHandledOnTime() {
        ScorecardRow row = unit(QINDU, AFTER_NOVEMBER, aCase("C1").reportedIn("610402", "2026-11-02T09:00")
                .dispatchedTo(QINDU, "2026-11-02T09:20", "2026-11-03T09:20")
                .handled("2026-11-02T15:00").facts());

        assertThat(counts(row)).containsExactly(entry("dispatched", 1L), entry("handled", 1L),
                entry("handledOnTime", 1L));
        assertThat(row.rate(Ratio.AVERAGE_HANDLING_HOURS)).isEqualTo(3.17);
    }

    @Test
    void taskHandledAfterItsAllowanceIsHandledLateWhateverTheHandlingEventClaimed() {
        ScorecardRow row = unit(QINDU, AFTER_NOVEMBER, aCase("C1").reportedIn("610402", "2026-11-02T09:00")
                .dispatchedTo(QINDU, "2026-11-02T09:20", "2026-11-03T09:20")
                .handled("2026-11-04T11:00", true).facts());

        assertThat(counts(row)).containsExactly(entry("dispatched", 1L), entry("handled", 1L),
                entry("handledLate", 1L), entry("overdue", 1L));
        assertThat(row.rate(Ratio.OVERDUE_RATE)).isEqualTo(1.0);
        assertThat(row.rate(Ratio.ON_TIME_RATE)).isEqualTo(0.0);
    }

    @Test
    void openTaskPastItsAllowanceIsOverdueOpen() {
        ScorecardRow row = unit("dept-16", AFTER_NOVEMBER, aCase("C2").reportedIn("610402", "2026-11-10T09:00")
                .dispatchedTo("dept-16", "2026-11-10T09:30", "2026-11-13T09:30").facts());

        assertThat(counts(row)).containsExactly(entry("dispatched", 1L), entry("overdueOpen", 1L),
                entry("overdue", 1L));
        assertThat(row.rate(Ratio.REWORK_RATE)).isNull();
    }

    @Test
    void openTaskWithinItsAllowanceAtTheCutOffIsPending() {
        ScorecardRow row = unit(QINDU, at("2026-11-15T10:00"), aCase("C1").reportedIn("610402", "2026-11-13T09:00")
                .dispatchedTo(QINDU, "2026-11-13T09:20", "2026-11-20T09:20").facts());

        assertThat(counts(row)).containsExactly(entry("dispatched", 1L), entry("pending", 1L));
    }

    @Test
    void factsAfterTheCutOffDoNotCount() {
        CaseFacts facts = aCase("C1").reportedIn("610402", "2026-11-11T09:00")
                .dispatchedTo(QINDU, "2026-11-11T09:20", "2026-11-12T09:20")
                .handled("2026-11-16T10:00")
                .closed("2026-11-17T10:00").facts();

        assertThat(counts(unit(QINDU, at("2026-11-15T10:00"), facts))).containsExactly(entry("dispatched", 1L),
                entry("overdueOpen", 1L), entry("overdue", 1L));
        assertThat(counts(unit(QINDU, AFTER_NOVEMBER, facts))).containsExactly(entry("dispatched", 1L),
                entry("handled", 1L), entry("handledLate", 1L), entry("overdue", 1L), entry("closed", 1L));
    }

    @Test
    void reworkedTaskCountsAsHandledOnlyOnceHandledAgainWithinTheReworkAllowance() {
        ScorecardRow reopened = unit(QINDU, AFTER_NOVEMBER, reopenedCase().facts());
        ScorecardRow handledAgain = unit(QINDU, AFTER_NOVEMBER, reopenedCase()
                .handled("2026-11-03T10:00").closed("2026-11-03T11:00").facts());

        assertThat(counts(reopened)).containsExactly(entry("dispatched", 1L), entry("overdueOpen", 1L),
                entry("overdue", 1L), entry("rework", 1L), entry("reworkTimes", 1L));
        assertThat(counts(handledAgain)).containsExactly(entry("dispatched", 1L), entry("handled", 1L),
                entry("handledOnTime", 1L), entry("rework", 1L), entry("reworkTimes", 1L), entry("closed", 1L),
                entry("closedOnTime", 1L));
        assertThat(handledAgain.rate(Ratio.REWORK_RATE)).isEqualTo(1.0);
        assertThat(handledAgain.rate(Ratio.CLOSING_RATE)).isEqualTo(1.0);
    }

    @Test
    void ratesAreRoundedToFourDecimalsAndTheCompositeFollowsTheScheme() {
        List<CaseFacts> cases = List.of(
                aCase("C1").reportedIn("610402", "2026-11-02T09:00")
                        .dispatchedTo(QINDU, "2026-11-02T09:20", "2026-11-03T09:20")
                        .handled("2026-11-02T15:00").closed("2026-11-02T17:00").facts(),
                aCase("C2").reportedIn("610402", "2026-11-05T09:00")
                        .dispatchedTo(QINDU, "2026-11-05T09:20", "2026-11-06T09:20")
                        .handled("2026-11-09T15:00").escalated("2026-11-06T10:00", 1).facts(),
                aCase("C3").reportedIn("610402", "2026-11-10T09:00")
                        .dispatchedTo(QINDU, "2026-11-10T09:20", "2026-11-11T09:20").facts());

        ScorecardRow row = calculator(NOVEMBER, AFTER_NOVEMBER).scorecard(Scope.UNIT, cases).row(QINDU).orElseThrow();

        assertThat(counts(row)).containsExactly(entry("dispatched", 3L), entry("handled", 2L),
                entry("handledOnTime", 1L), entry("handledLate", 1L), entry("overdueOpen", 1L), entry("overdue", 2L),
                entry("closed", 1L), entry("closedOnTime", 1L), entry("escalated", 1L));
        assertThat(row.rate(Ratio.HANDLING_RATE)).isEqualTo(0.6667);
        assertThat(row.rate(Ratio.ON_TIME_RATE)).isEqualTo(0.3333);
        assertThat(row.rate(Ratio.OVERDUE_RATE)).isEqualTo(0.6667);
        assertThat(row.rate(Ratio.REWORK_RATE)).isEqualTo(0.0);
        assertThat(row.rate(Ratio.CLOSING_RATE)).isEqualTo(0.3333);
        // (0.5 × 0.3333 + 0.3 × 0.6667 + 0.2 × (1 − 0)) × 100 − 1 × 1 escalation = 55.666 → 55.67
        assertThat(row.score()).isEqualTo(55.67);
        assertThat(row.grade().grade()).isEqualTo("不合格");
        assertThat(row.volume()).isEqualTo(3);
        assertThat(row.lowVolume()).isTrue();
        assertThat(row.rank()).isNull();
    }

    @Test
    void everyUnitGetsARowAndEmptyRowsHaveNoRatesNorScore() {
        List<ScorecardRow> rows = calculator(NOVEMBER, AFTER_NOVEMBER).scorecard(Scope.UNIT, List.of()).rows();

        assertThat(rows).hasSize(34);
        assertThat(rows.get(0).entityId()).isEqualTo("dept-01");
        assertThat(rows).extracting(ScorecardRow::entityId).isSorted();
        ScorecardRow empty = rows.get(0);
        assertThat(empty.counts()).containsOnly(0L);
        for (Ratio ratio : Ratio.of(Scope.UNIT)) {
            assertThat(empty.rate(ratio)).as(ratio.key()).isNull();
        }
        assertThat(empty.score()).isNull();
        assertThat(empty.rank()).isNull();
    }

    @Test
    void monthBoundariesAreShanghaiLocalTime() {
        CaseFacts lateNovember = aCase("C1").reportedIn("610402", "2026-11-30T09:00")
                .dispatchedTo(QINDU, "2026-11-30T09:20", "2026-11-30T23:30").facts();
        CaseFacts earlyDecember = aCase("C2").reportedIn("610402", "2026-11-30T09:00")
                .dispatchedTo(QINDU, "2026-11-30T09:20", "2026-12-01T00:10").facts();

        assertThat(NOVEMBER.start()).isEqualTo(Instant.parse("2026-10-31T16:00:00Z"));
        assertThat(NOVEMBER.end()).isEqualTo(Instant.parse("2026-11-30T16:00:00Z"));
        assertThat(unit(QINDU, AFTER_NOVEMBER, lateNovember, earlyDecember).count(Measure.DISPATCHED)).isOne();
        assertThat(row(DECEMBER, AFTER_DECEMBER, Scope.UNIT, QINDU, lateNovember, earlyDecember)
                .count(Measure.DISPATCHED)).isOne();
    }

    @Test
    void cutOffIsNowDuringTheMonthAndTheMonthEndAfterIt() {
        assertThat(NOVEMBER.cutOff(at("2026-11-15T10:00"))).isEqualTo(at("2026-11-15T10:00"));
        assertThat(NOVEMBER.cutOff(AFTER_NOVEMBER)).isEqualTo(NOVEMBER.end());
    }

    @Test
    void districtRowsCountReportsFilingsTasksAndIncidence() {
        List<CaseFacts> cases = List.of(
                aCase("C1").reportedIn("610402", "2026-11-02T09:00").filed("2026-11-02T09:10")
                        .dispatchedTo(QINDU, "2026-11-02T09:20", "2026-11-03T09:20")
                        .handled("2026-11-02T15:00").closed("2026-11-02T17:00").facts(),
                aCase("C2").reportedIn("610402", "2026-11-10T09:00").filed("2026-11-10T09:10")
                        .dispatchedTo("dept-16", "2026-11-10T09:30", "2026-11-13T09:30").facts(),
                aCase("C3").reportedIn("610402", "2026-11-11T09:00").facts(),
                aCase("C5").reportedIn("610402", "2026-11-11T10:00").rejected("2026-11-11T10:10", "op").facts(),
                aCase("C4").reportedIn("610404", "2026-10-31T23:50").filed("2026-11-01T08:40").facts());

        List<ScorecardRow> rows = calculator(NOVEMBER, AFTER_NOVEMBER).scorecard(Scope.DISTRICT, cases).rows();

        assertThat(rows).hasSize(13).extracting(ScorecardRow::entityId).isSorted();
        ScorecardRow qindu = rows.stream().filter(r -> r.entityId().equals("610402")).findFirst().orElseThrow();
        assertThat(counts(qindu)).containsExactly(entry("dispatched", 2L), entry("handled", 1L),
                entry("handledOnTime", 1L), entry("overdueOpen", 1L), entry("overdue", 1L),
                entry("dueToClose", 2L), entry("closed", 1L), entry("closedOnTime", 1L), entry("reported", 4L),
                entry("validReported", 3L), entry("filed", 2L), entry("publicFiled", 2L));
        assertThat(qindu.rate(Ratio.FILING_RATE)).isEqualTo(0.6667);
        assertThat(qindu.rate(Ratio.ON_TIME_CLOSING_RATE)).isEqualTo(0.5);
        assertThat(qindu.value(Indicators.NORMALISED_INCIDENCE)).isBetween(0.0, 1.0);
        ScorecardRow weicheng = rows.stream().filter(r -> r.entityId().equals("610404")).findFirst().orElseThrow();
        assertThat(counts(weicheng)).containsExactly(entry("filed", 1L), entry("publicFiled", 1L));
        assertThat(weicheng.rate(Ratio.FILING_RATE)).isNull();
        assertThat(rows.stream().filter(r -> r.value(Indicators.NORMALISED_INCIDENCE) != null)
                .mapToDouble(r -> r.value(Indicators.NORMALISED_INCIDENCE)).max().orElseThrow()).isEqualTo(1.0);
    }

    @Test
    void everyCountDrillsDownToExactlyTheCasesBehindIt() {
        List<CaseFacts> cases = List.of(
                aCase("C1").reportedIn("610402", "2026-11-02T09:00")
                        .dispatchedTo(QINDU, "2026-11-02T09:20", "2026-11-03T09:20")
                        .handled("2026-11-02T15:00").closed("2026-11-02T17:00").facts(),
                reopenedCase().facts(),
                aCase("C3").reportedIn("610402", "2026-11-10T09:00")
                        .dispatchedTo(QINDU, "2026-11-10T09:20", "2026-11-11T09:20")
                        .handled("2026-11-12T09:00").facts());
        ScorecardCalculator calculator = calculator(NOVEMBER, AFTER_NOVEMBER);
        ScorecardRow row = calculator.scorecard(Scope.UNIT, cases).row(QINDU).orElseThrow();

        List<Contribution> behind = calculator.contributions(Scope.UNIT, QINDU, cases);

        for (Measure measure : Measure.of(Scope.UNIT)) {
            assertThat(behind.stream().mapToLong(c -> c.count(measure)).sum()).as(measure.key())
                    .isEqualTo(row.count(measure));
        }
        assertThat(behind.stream().filter(c -> c.count(Measure.HANDLED_LATE) > 0).map(Contribution::caseId))
                .containsExactly("C3");
    }

    @Test
    void positionsCountInspectorsOperatorsAndDispatchers() {
        List<CaseFacts> cases = List.of(
                aCase("C1").reportedByInspector("610402", "2026-11-02T09:00", "inspector-qd-01")
                        .filedBy("2026-11-02T09:10", "operator-01")
                        .dispatchedBy(QINDU, "2026-11-02T09:20", "2026-11-03T09:20", "dispatcher-01")
                        .handled("2026-11-02T15:00")
                        .verificationRequested("2026-11-02T15:05", "inspector-qd-01", "2026-11-02T16:05")
                        .closed("2026-11-02T15:50").facts(),
                aCase("C2").reportedIn("610402", "2026-11-03T09:00")
                        .filedBy("2026-11-03T11:00", "operator-01")
                        .dispatchedBy(QINDU, "2026-11-03T15:00", "2026-11-04T15:00", "dispatcher-01")
                        .handled("2026-11-04T09:00")
                        .verificationRequested("2026-11-04T09:05", "inspector-qd-01", "2026-11-04T10:05")
                        .verified("2026-11-04T11:00").facts());
        var all = calculator(NOVEMBER, AFTER_NOVEMBER).all(cases);

        ScorecardRow inspector = all.get(Scope.INSPECTOR).row("inspector-qd-01").orElseThrow();
        assertThat(counts(inspector)).containsExactly(entry("reported", 1L), entry("validReported", 1L),
                entry("verifications", 2L), entry("verifiedOnTime", 1L));
        assertThat(inspector.rate(Ratio.ON_TIME_VERIFICATION_RATE)).isEqualTo(0.5);
        ScorecardRow operator = all.get(Scope.OPERATOR).row("operator-01").orElseThrow();
        assertThat(counts(operator)).containsExactly(entry("filed", 2L), entry("decisions", 2L),
                entry("decidedOnTime", 1L), entry("filedAccurate", 2L));
        ScorecardRow dispatcher = all.get(Scope.DISPATCHER).row("dispatcher-01").orElseThrow();
        assertThat(counts(dispatcher)).containsExactly(entry("dispatches", 2L), entry("dispatchedOnTime", 1L));
        // C2 was reported by the hotline in cells an inspector covers: 漏报 for every inspector of 秦都区
        List<String> qinduInspectors = CITY.inspectorsFor("610402").stream()
                .map(io.cityloop.reference.InspectorArea::username).toList();
        assertThat(qinduInspectors).isNotEmpty();
        assertThat(all.get(Scope.INSPECTOR).row(qinduInspectors.get(0)).orElseThrow().count(Measure.MISSED))
                .isOne();
    }

    private static ScorecardRow unit(String unitId, Instant now, CaseFacts... cases) {
        return row(NOVEMBER, now, Scope.UNIT, unitId, cases);
    }

    /** A case handled on time, then sent back by a failed check with a new deadline that has passed. */
    private static CaseFactsFixture reopenedCase() {
        return aCase("C2").reportedIn("610402", "2026-11-02T09:00")
                .dispatchedTo(QINDU, "2026-11-02T09:20", "2026-11-03T09:20")
                .handled("2026-11-02T15:00")
                .reworkRequired("2026-11-02T16:00")
                .reworkDispatched("2026-11-02T16:10", "2026-11-04T16:10");
    }

    @SuppressWarnings("unused")
    private static Map<String, Long> none() {
        return Map.of();
    }
}
