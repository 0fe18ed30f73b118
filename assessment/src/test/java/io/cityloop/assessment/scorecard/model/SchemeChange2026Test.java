package io.cityloop.assessment.scorecard.model;

import static io.cityloop.assessment.facts.model.CaseFactsFixture.aCase;
import static io.cityloop.assessment.facts.model.CaseFactsFixture.at;
import static io.cityloop.assessment.scorecard.model.Scorecards.CITY;
import static io.cityloop.assessment.scorecard.model.Scorecards.DEFAULT;
import static io.cityloop.assessment.scorecard.model.Scorecards.calculator;
import static io.cityloop.assessment.scorecard.model.Scorecards.counts;
import static io.cityloop.assessment.scorecard.model.Scorecards.month;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.cityloop.assessment.facts.model.CaseFacts;
import io.cityloop.assessment.scheme.model.Indicators;
import io.cityloop.assessment.scheme.model.Measure;
import io.cityloop.assessment.scheme.model.Ratio;
import io.cityloop.assessment.scheme.model.Scope;
import io.cityloop.assessment.scheme.model.ScoringScheme;
import io.cityloop.assessment.scheme.model.TestSchemes;
import io.cityloop.reference.UnitGrid;

/**
 * The rules of scheme {@code gbt30428-default@2026.2}, each with worked numbers, beside what 2026.1 gives for the
 * same facts. The scheme is passed explicitly, so the facts stay in November 2026 (a month the calendar covers).
 */
class SchemeChange2026Test {

    static final ScoringScheme V2 = TestSchemes.read("scoring-schemes/gbt30428-default-2026.2.json");
    private static final AssessmentMonth NOVEMBER = month(2026, 11);
    private static final AssessmentMonth DECEMBER = month(2026, 12);
    private static final AssessmentMonth JANUARY = month(2027, 1);
    private static final Instant AFTER_NOVEMBER = at("2026-12-05T10:00");
    private static final String QINDU = "district-610402";

    @Test
    void theNewSchemeVersionTakesOverFromJanuary2027AndScoresTheShiftLead() {
        assertThat(V2.reference()).isEqualTo("gbt30428-default@2026.2");
        assertThat(V2.effectiveFrom()).isEqualTo("2027-01");
        assertThat(V2.formula(Scope.SHIFT_LEAD)).isNotNull();
        assertThat(DEFAULT.formula(Scope.SHIFT_LEAD)).isNull();
        var book = new io.cityloop.assessment.scheme.model.SchemeBook(List.of(DEFAULT, V2,
                TestSchemes.read("scoring-schemes/gbt30428-five-band-2026.2.json")), java.util.Map.of());
        assertThat(book.forMonth(java.time.YearMonth.of(2026, 12)).reference()).isEqualTo("gbt30428-default@2026.1");
        assertThat(book.forMonth(java.time.YearMonth.of(2027, 1)).reference()).isEqualTo("gbt30428-default@2026.2");
    }

    /** The task of TrickyCasesTest: two failed checks, then handled late in its third phase. */
    private static CaseFacts reworkedTwice() {
        return aCase("C-RW2").reportedIn("610402", "2026-11-16T08:40")
                .dispatchedTo(QINDU, "2026-11-16T09:00", "2026-11-17T09:00")
                .handled("2026-11-16T11:00").reworkRequired("2026-11-16T15:00")
                .reworkDispatched("2026-11-16T15:10", "2026-11-17T15:10")
                .handled("2026-11-17T10:00").reworkRequired("2026-11-17T11:00")
                .reworkDispatched("2026-11-17T11:10", "2026-11-18T11:10")
                .handled("2026-11-18T17:00").closed("2026-11-19T09:00").facts();
    }

    @Test
    void aTaskReworkedTwiceIsOneReworkedTaskAndTheComplementTermStaysAtZeroOrAbove() {
        ScorecardRow old = unitRow(DEFAULT, reworkedTwice());
        ScorecardRow now = unitRow(V2, reworkedTwice());

        // 2026.1: 返工数 = 2 failed checks, 返工率 = 2 / 1 = 200 %, (0.5 × 0 + 0.3 × 1 + 0.2 × (1 − 2)) × 100 = 10
        assertThat(old.count(Measure.REWORK)).isEqualTo(2);
        assertThat(old.rate(Ratio.REWORK_RATE)).isEqualTo(2.0);
        assertThat(old.score()).isEqualTo(10.0);
        // 2026.2: 返工数 = 1 task, 返工次数 = 2, 返工率 = 1 / 1 = 100 %, (0 + 0.3 × 1 + 0.2 × (1 − 1)) × 100 = 30
        assertThat(now.count(Measure.REWORK)).isOne();
        assertThat(now.count(Measure.REWORK_TIMES)).isEqualTo(2);
        assertThat(now.rate(Ratio.REWORK_RATE)).isEqualTo(1.0);
        assertThat(now.score()).isEqualTo(30.0);
    }

    @Test
    void reworkedTasksAreCountedAmongTheHandledOnlySoTheRateNeverPassesOne() {
        CaseFacts clean = aCase("C-OK").reportedIn("610402", "2026-11-16T08:40")
                .dispatchedTo(QINDU, "2026-11-16T09:00", "2026-11-17T09:00").handled("2026-11-16T10:00").facts();
        CaseFacts reopened = aCase("C-RE").reportedIn("610402", "2026-11-16T08:40")
                .dispatchedTo(QINDU, "2026-11-16T09:00", "2026-11-17T09:00").handled("2026-11-16T10:00")
                .reworkRequired("2026-11-16T11:00").reworkDispatched("2026-11-16T11:10", "2026-11-17T11:10")
                .facts();

        ScorecardRow row = unitRow(V2, clean, reworkedTwice(), reopened);

        // H = 2 (C-OK, C-RW2; C-RE is open again), R = 1 (C-RW2), 返工次数 = 3 (two of C-RW2, one of C-RE)
        assertThat(counts(row)).contains(entry("dispatched", 3L), entry("handled", 2L), entry("rework", 1L),
                entry("reworkTimes", 3L));
        assertThat(row.rate(Ratio.REWORK_RATE)).isEqualTo(0.5);
        // (0.5 × 1/3 + 0.3 × 2/3 + 0.2 × (1 − 0.5)) × 100 = 0.5 × 0.3333 + 0.3 × 0.6667 + 0.1 → 46.67
        assertThat(row.score()).isEqualTo(46.67);
    }

    @Test
    void regionsCloseOverTheCasesDueToCloseAndFileOverEveryReport() {
        Instant midMonth = at("2026-11-20T10:00");
        List<CaseFacts> cases = List.of(
                aCase("C1").reportedIn("610402", "2026-11-02T09:00").filed("2026-11-02T09:10")
                        .dispatchedTo(QINDU, "2026-11-02T09:20", "2026-11-03T09:20")
                        .handled("2026-11-02T15:00").closed("2026-11-02T17:00").facts(),
                aCase("C2").reportedByInspector("610402", "2026-11-10T09:00", "inspector")
                        .filed("2026-11-10T09:10")
                        .dispatchedTo("dept-16", "2026-11-10T09:30", "2026-11-13T09:30").facts(),
                aCase("C3").reportedByInspector("610402", "2026-11-19T09:00", "inspector")
                        .filed("2026-11-19T09:10")
                        .dispatchedTo("dept-16", "2026-11-19T09:30", "2026-11-25T09:30").facts(),
                aCase("C4").reportedIn("610402", "2026-11-11T09:00").facts(),
                aCase("C5").reportedIn("610402", "2026-11-11T10:00").rejected("2026-11-11T10:10", "op").facts());

        ScorecardRow row = calculator(NOVEMBER, midMonth, V2, Corrections.NONE).scorecard(Scope.DISTRICT, cases)
                .row("610402").orElseThrow();

        // 应处置数 3 (C1, C2, C3); 应结案数 2: C1 handled, C2 overdue unhandled; C3 is pending, not yet due
        assertThat(counts(row)).contains(entry("dispatched", 3L), entry("dueToClose", 2L), entry("closed", 1L),
                entry("closedOnTime", 1L), entry("pending", 1L), entry("reported", 5L), entry("validReported", 4L),
                entry("filed", 3L), entry("publicFiled", 1L));
        assertThat(row.rate(Ratio.DUE_CLOSING_RATE)).isEqualTo(0.5);
        assertThat(row.rate(Ratio.DUE_ON_TIME_CLOSING_RATE)).isEqualTo(0.5);
        assertThat(row.rate(Ratio.CLOSING_RATE)).isEqualTo(0.3333);
        // 立案率 = 立案数 ÷ 上报数 = 3 / 5; the 2026.1 rate divided by 有效上报数: 3 / 4
        assertThat(row.rate(Ratio.REPORT_FILING_RATE)).isEqualTo(0.6);
        assertThat(row.rate(Ratio.FILING_RATE)).isEqualTo(0.75);
        // 监督举报率 = 1 citizen report filed ÷ 3 filed
        assertThat(row.rate(Ratio.PUBLIC_REPORT_RATE)).isEqualTo(0.3333);
        // (0.4 × 0.5 + 0.3 × 0.5 + 0.1 × (1 − 0.3333) + 0.2 × band(3 filed) 0.6) × 100 = 20 + 15 + 6.667 + 12
        assertThat(row.score()).isEqualTo(53.67);
        assertThat(row.volume()).isEqualTo(2);
    }

    @Test
    void aDistrictWhoseInspectorsReportMoreScoresHigherNotLower() {
        List<CaseFacts> base = List.of(
                aCase("C1").reportedIn("610402", "2026-11-02T09:00").filed("2026-11-02T09:10")
                        .dispatchedTo(QINDU, "2026-11-02T09:20", "2026-11-03T09:20")
                        .handled("2026-11-02T15:00").closed("2026-11-02T17:00").facts(),
                aCase("C2").reportedByInspector("610402", "2026-11-10T09:00", "inspector").filed("2026-11-10T09:10")
                        .dispatchedTo("dept-16", "2026-11-10T09:30", "2026-11-13T09:30").facts());
        List<CaseFacts> more = new java.util.ArrayList<>(base);
        more.add(aCase("C6").reportedByInspector("610402", "2026-11-20T09:00", "inspector")
                .filed("2026-11-20T09:10").facts());
        more.add(aCase("C7").reportedByInspector("610402", "2026-11-20T10:00", "inspector")
                .filed("2026-11-20T10:10").facts());

        // (0.4 × 0.5 + 0.3 × 0.5 + 0.1 × (1 − 1/2) + 0.2 × 0.6) × 100 = 52
        assertThat(districtRow(V2, base).score()).isEqualTo(52.0);
        // two more problems found by inspectors: 监督举报率 1/4, (0.2 + 0.15 + 0.1 × 0.75 + 0.12) × 100 = 54.5
        assertThat(districtRow(V2, more).score()).isEqualTo(54.5);
        // 2026.1's (1 − normalised 问题发生率) term: 秦都区 has the month's highest incidence either way, so it
        // scores the same however many problems its inspectors find; it never rises with them
        assertThat(districtRow(DEFAULT, more).score()).isLessThanOrEqualTo(districtRow(DEFAULT, base).score());
    }

    @Test
    void theNormalisedIncidenceIsRoundedOnceAtTheEnd() {
        List<CaseFacts> cases = new java.util.ArrayList<>();
        for (int i = 0; i < 8; i++) {
            cases.add(aCase("Q" + i).reportedIn("610402", "2026-11-02T09:00").filed("2026-11-02T09:10").facts());
        }
        for (int i = 0; i < 5; i++) {
            cases.add(aCase("W" + i).reportedIn("610404", "2026-11-02T09:00").filed("2026-11-02T09:10").facts());
        }
        double qindu = 8 / area("610402");
        double weicheng = 5 / area("610404");
        double highest = CITY.grid().districts().stream().mapToDouble(d -> d.code().equals("610402") ? qindu
                : d.code().equals("610404") ? weicheng : 0).max().orElseThrow();

        Scorecard now = calculator(NOVEMBER, AFTER_NOVEMBER, V2, Corrections.NONE).scorecard(Scope.DISTRICT, cases);
        Scorecard old = calculator(NOVEMBER, AFTER_NOVEMBER, DEFAULT, Corrections.NONE)
                .scorecard(Scope.DISTRICT, cases);

        assertThat(now.row("610404").orElseThrow().value(Indicators.NORMALISED_INCIDENCE))
                .isEqualTo(round4(weicheng / highest));
        assertThat(old.row("610404").orElseThrow().value(Indicators.NORMALISED_INCIDENCE))
                .isEqualTo(round4(round4(weicheng) / round4(highest)));
    }

    @Test
    void missedIsAConfirmedCitizenReportInTheInspectorsAreaNotFoundFirstByAnInspector() {
        List<CaseFacts> cases = List.of(
                // counts: a hotline report, filed
                aCase("H1").reportedIn("610402", "2026-11-02T09:00").filed("2026-11-02T09:10").facts(),
                // not confirmed: never filed
                aCase("H2").reportedIn("610402", "2026-11-02T10:00").facts(),
                // an inspector found it first; their report was merged into the hotline's
                aCase("H3").reportedIn("610402", "2026-11-03T10:00").filed("2026-11-03T10:10").facts(),
                aCase("I3").reportedByInspector("610402", "2026-11-03T09:00", "inspector")
                        .mergedBy("H3", "2026-11-03T10:20", "operator-02").facts(),
                // filed, then cancelled as unfounded
                aCase("H4").reportedIn("610402", "2026-11-04T09:00").filed("2026-11-04T09:10")
                        .cancelled("2026-11-04T11:00").facts(),
                // a sensor, not a citizen
                aCase("S1").reportedFrom("SENSOR", "610402", "2026-11-05T09:00").filed("2026-11-05T09:10").facts(),
                // a duplicate
                aCase("H5").reportedIn("610402", "2026-11-05T10:00").mergedBy("H1", "2026-11-05T10:15",
                        "operator-02").facts());

        long old = calculator(NOVEMBER, AFTER_NOVEMBER, DEFAULT, Corrections.NONE).scorecard(Scope.INSPECTOR, cases)
                .row("inspector").orElseThrow().count(Measure.MISSED);
        ScorecardRow now = calculator(NOVEMBER, AFTER_NOVEMBER, V2, Corrections.NONE)
                .scorecard(Scope.INSPECTOR, cases).row("inspector").orElseThrow();

        // 2026.1: every valid report from another source in a covered district: H1, H2, H3, H4, S1
        assertThat(old).isEqualTo(5);
        // 2026.2: H1 only
        assertThat(now.count(Measure.MISSED)).isOne();
        // I3 was merged, so not valid: (0.4 × 0 + 0.6 × 1 (no checks, whenUndefined)) × 100 − 0.5 × 1 = 59.5
        assertThat(now.score()).isEqualTo(59.5);
    }

    @Test
    void aMergeIsOneOfTheOperatorsDecisions() {
        List<CaseFacts> cases = List.of(
                aCase("M1").reportedIn("610402", "2026-11-02T09:00").filedBy("2026-11-02T09:10", "operator-02")
                        .facts(),
                aCase("M2").reportedIn("610402", "2026-11-02T09:05").mergedBy("M1", "2026-11-02T09:20",
                        "operator-02").facts(),
                aCase("M3").reportedIn("610402", "2026-11-02T09:06").mergedBy("M1", "2026-11-02T15:00",
                        "operator-02").facts());

        ScorecardRow old = calculator(NOVEMBER, AFTER_NOVEMBER, DEFAULT, Corrections.NONE)
                .scorecard(Scope.OPERATOR, cases).row("operator-02").orElseThrow();
        ScorecardRow now = calculator(NOVEMBER, AFTER_NOVEMBER, V2, Corrections.NONE)
                .scorecard(Scope.OPERATOR, cases).row("operator-02").orElseThrow();

        assertThat(counts(old)).containsExactly(entry("filed", 1L), entry("decisions", 1L),
                entry("decidedOnTime", 1L), entry("merges", 2L), entry("filedAccurate", 1L));
        // M3 was merged 240 working minutes after its report (09:06–12:00, 14:30–15:00): late
        assertThat(counts(now)).containsExactly(entry("filed", 1L), entry("decisions", 3L),
                entry("decidedOnTime", 2L), entry("merges", 2L), entry("filedAccurate", 1L));
        assertThat(now.rate(Ratio.ON_TIME_DECISION_RATE)).isEqualTo(0.6667);
    }

    @Test
    void theShiftLeadIsScoredOnTheFilingsDecidedAsShiftLead() {
        List<CaseFacts> cases = List.of(
                aCase("F1").reportedIn("610402", "2026-11-02T09:00").filedByShiftLead("2026-11-02T09:20", "shiftlead")
                        .facts(),
                aCase("F2").reportedIn("610402", "2026-11-02T09:00").filedByShiftLead("2026-11-02T11:00", "shiftlead")
                        .facts(),
                aCase("F3").reportedIn("610402", "2026-11-02T09:00").filedByShiftLead("2026-11-02T09:25", "shiftlead")
                        .cancelled("2026-11-03T09:00").facts(),
                aCase("F4").reportedIn("610402", "2026-11-02T09:00").filedBy("2026-11-02T09:10", "shiftlead")
                        .facts());

        var all = calculator(NOVEMBER, AFTER_NOVEMBER, V2, Corrections.NONE).all(cases);
        ScorecardRow lead = all.get(Scope.SHIFT_LEAD).row("shiftlead").orElseThrow();

        // F4 was filed in the operator role: it is not the shift lead's
        assertThat(counts(lead)).containsExactly(entry("filed", 3L), entry("filedAccurate", 2L),
                entry("filedOnTime", 2L));
        assertThat(lead.kind()).isEqualTo("shift-lead");
        // (0.5 × 0.6667 + 0.5 × 0.6667) × 100
        assertThat(lead.score()).isEqualTo(66.67);
        assertThat(all.get(Scope.OPERATOR).row("shiftlead").orElseThrow().count(Measure.DECISIONS)).isEqualTo(4);
        // 2026.1 has no shift-lead formula: the rows are there, unscored
        assertThat(calculator(NOVEMBER, AFTER_NOVEMBER).all(cases).get(Scope.SHIFT_LEAD).row("shiftlead")
                .orElseThrow().score()).isNull();
    }

    @Test
    void volumeBandsScoreACountInSteps() {
        var term = V2.formula(Scope.DISTRICT).terms().stream().filter(t -> t.indicator().equals("filed"))
                .findFirst().orElseThrow();

        assertThat(term.banded(0)).isZero();
        assertThat(term.banded(1)).isEqualTo(0.6);
        assertThat(term.banded(19)).isEqualTo(0.6);
        assertThat(term.banded(20)).isEqualTo(0.8);
        assertThat(term.banded(50)).isEqualTo(1.0);
        assertThat(term.banded(5000)).isEqualTo(1.0);
    }

    @Test
    void theFiveBandOptionGradesAToE() {
        ScoringScheme fiveBand = TestSchemes.read("scoring-schemes/gbt30428-five-band-2026.2.json");

        assertThat(fiveBand.effectiveFrom()).isNull();
        assertThat(fiveBand.gradeOf(90).grade()).isEqualTo("A");
        assertThat(fiveBand.gradeOf(82.94).grade()).isEqualTo("B");
        assertThat(fiveBand.gradeOf(60).grade()).isEqualTo("C");
        assertThat(fiveBand.gradeOf(40).grade()).isEqualTo("D");
        assertThat(fiveBand.gradeOf(39.99).grade()).isEqualTo("E");
    }

    @Test
    void districtRowsCountTheReturnsOfTheirCasesTasks() {
        CaseFacts returned = aCase("R1").reportedIn("610402", "2026-11-02T09:00").filed("2026-11-02T09:10")
                .dispatchedTo("dept-01", "2026-11-02T09:20", "2026-11-03T09:20").returned("2026-11-02T10:00")
                .returnReviewed("2026-11-02T10:10", true)
                .dispatchedTo("dept-16", "2026-11-02T10:20", "2026-11-04T10:20").returned("2026-11-02T11:00")
                .returnReviewed("2026-11-02T11:10", false).facts();

        ScorecardRow row = districtRow(DEFAULT, List.of(returned));

        assertThat(counts(row)).contains(entry("returned", 1L), entry("returnedJustified", 1L));
    }

    @Test
    void anOverdueTaskIsCarriedIntoLaterMonthsUntilItIsHandled() {
        CaseFacts open = aCase("B1").reportedIn("610402", "2026-11-23T09:00").filed("2026-11-23T09:10")
                .dispatchedTo(QINDU, "2026-11-23T09:20", "2026-11-25T09:20").facts();
        CaseFacts handledInDecember = aCase("B1").reportedIn("610402", "2026-11-23T09:00")
                .filed("2026-11-23T09:10").dispatchedTo(QINDU, "2026-11-23T09:20", "2026-11-25T09:20")
                .handled("2026-12-10T10:00").facts();

        // November: overdue and open under both schemes
        assertThat(unitRow(NOVEMBER, AFTER_NOVEMBER, V2, open).count(Measure.OVERDUE_OPEN)).isOne();
        // December, still open: 2026.1 forgets it, 2026.2 carries it (应处置 1, 超期未处置 1, 结转 1)
        Instant afterDecember = at("2027-01-05T10:00");
        assertThat(counts(unitRow(DECEMBER, afterDecember, DEFAULT, open))).isEmpty();
        assertThat(counts(unitRow(DECEMBER, afterDecember, V2, open))).contains(entry("dispatched", 1L),
                entry("overdueOpen", 1L), entry("overdue", 1L), entry("carriedOver", 1L));
        // handled on 10 December: December's 超期处置数, and January no longer sees it
        assertThat(counts(unitRow(DECEMBER, afterDecember, V2, handledInDecember))).containsExactly(
                entry("dispatched", 1L), entry("handled", 1L), entry("handledLate", 1L), entry("overdue", 1L),
                entry("carriedOver", 1L));
        assertThat(counts(unitRow(JANUARY, at("2027-02-05T10:00"), V2, handledInDecember))).isEmpty();
        // the store finds them: the open one by openFrom, the handled one by its months until the handling
        assertThat(open.openFrom(CaseFactsFixtureZone.SHANGHAI)).isEqualTo("2026-11");
        assertThat(handledInDecember.openFrom(CaseFactsFixtureZone.SHANGHAI)).isNull();
        assertThat(handledInDecember.countsIn(CaseFactsFixtureZone.SHANGHAI)).containsExactly("2026-11", "2026-12");
    }

    private static final class CaseFactsFixtureZone {
        static final java.time.ZoneId SHANGHAI = io.cityloop.assessment.facts.model.CaseFactsFixture.SHANGHAI;
    }

    private static ScorecardRow unitRow(ScoringScheme scheme, CaseFacts... cases) {
        return unitRow(NOVEMBER, AFTER_NOVEMBER, scheme, cases);
    }

    private static ScorecardRow unitRow(AssessmentMonth month, Instant now, ScoringScheme scheme,
                                        CaseFacts... cases) {
        return calculator(month, now, scheme, Corrections.NONE).scorecard(Scope.UNIT, List.of(cases)).row(QINDU)
                .orElseThrow();
    }

    private static ScorecardRow districtRow(ScoringScheme scheme, List<CaseFacts> cases) {
        return calculator(NOVEMBER, AFTER_NOVEMBER, scheme, Corrections.NONE).scorecard(Scope.DISTRICT, cases)
                .row("610402").orElseThrow();
    }

    /** The district's grid extent in km², as {@code ScorecardCalculator} measures it. */
    private static double area(String code) {
        UnitGrid.Extent extent = CITY.grid().districts().stream().filter(d -> d.code().equals(code)).findFirst()
                .orElseThrow().extent();
        double centreLat = (extent.minLat() + extent.maxLat()) / 2;
        double width = (extent.maxLon() - extent.minLon()) * 111.32 * Math.cos(Math.toRadians(centreLat));
        double height = (extent.maxLat() - extent.minLat()) * 111.32;
        return width * height;
    }

    private static double round4(double value) {
        return Math.round(value * 10_000) / 10_000.0;
    }
}
