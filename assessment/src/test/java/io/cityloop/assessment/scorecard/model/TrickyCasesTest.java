package io.cityloop.assessment.scorecard.model;

import static io.cityloop.assessment.facts.model.CaseFactsFixture.aCase;
import static io.cityloop.assessment.facts.model.CaseFactsFixture.at;
import static io.cityloop.assessment.scorecard.model.Scorecards.calculator;
import static io.cityloop.assessment.scorecard.model.Scorecards.counts;
import static io.cityloop.assessment.scorecard.model.Scorecards.month;
import static io.cityloop.assessment.scorecard.model.Scorecards.row;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.cityloop.assessment.facts.model.CaseFacts;
import io.cityloop.assessment.facts.model.CaseFactsFixture;
import io.cityloop.assessment.month.model.FactCorrection;
import io.cityloop.assessment.scheme.model.Measure;
import io.cityloop.assessment.scheme.model.Ratio;
import io.cityloop.assessment.scheme.model.Scope;
import io.cityloop.assessment.scheme.model.TestSchemes;

/**
 * The hand-computed cases the issue names. Working hours 08:30–12:00 and 14:30–18:00 (7 h a day), weekdays;
 * 2 November 2026 is a Monday, 30 November a Monday, 1 December a Tuesday.
 */
class TrickyCasesTest {

    private static final AssessmentMonth NOVEMBER = month(2026, 11);
    private static final AssessmentMonth DECEMBER = month(2026, 12);
    private static final Instant AFTER_NOVEMBER = at("2026-12-05T10:00");
    private static final Instant AFTER_DECEMBER = at("2027-01-05T10:00");

    /** Returned by 市城市管理执法局 after 100 min, back with the dispatcher 60 min, then 市水务集团 handles on time. */
    private static CaseFactsFixture returnedAndRedispatched(boolean justified) {
        return aCase("C-RET").reportedIn("610402", "2026-11-02T09:00").filed("2026-11-02T09:10")
                .dispatchedTo("dept-01", "2026-11-02T09:20", "2026-11-03T09:20")
                .returned("2026-11-02T11:00").returnReviewed("2026-11-02T11:30", justified)
                .dispatchedTo("dept-16", "2026-11-02T14:30", "2026-11-03T12:00")
                .handled("2026-11-03T10:00").closed("2026-11-03T11:00");
    }

    @Test
    void aJustifiedReturnDoesNotCountAgainstTheFirstUnitAndTheSecondIsAssessed() {
        CaseFacts facts = returnedAndRedispatched(true).facts();

        assertThat(counts(row(NOVEMBER, AFTER_NOVEMBER, Scope.UNIT, "dept-01", facts)))
                .containsExactly(entry("returnedJustified", 1L));
        assertThat(counts(row(NOVEMBER, AFTER_NOVEMBER, Scope.UNIT, "dept-16", facts))).containsExactly(
                entry("dispatched", 1L), entry("handled", 1L), entry("handledOnTime", 1L), entry("closed", 1L),
                entry("closedOnTime", 1L));
        ScorecardRow dispatcher = row(NOVEMBER, AFTER_NOVEMBER, Scope.DISPATCHER, "dispatcher-01", facts);
        // first dispatch 10 min after filing; the re-dispatch 60 working minutes after the return: late
        assertThat(counts(dispatcher)).containsExactly(entry("returnedJustified", 1L), entry("dispatches", 2L),
                entry("dispatchedOnTime", 1L));
        assertThat(dispatcher.rate(Ratio.MISDISPATCH_RATE)).isEqualTo(0.5);
        // the region counts the problem once, through the task that was not returned
        assertThat(row(NOVEMBER, AFTER_NOVEMBER, Scope.DISTRICT, "610402", facts).count(Measure.DISPATCHED)).isOne();
    }

    @Test
    void anUnjustifiedReturnIsAReturnOfTheUnitAndTheCityRuleCountsItAsDispatched() {
        CaseFacts facts = returnedAndRedispatched(false).facts();

        assertThat(counts(row(NOVEMBER, AFTER_NOVEMBER, Scope.UNIT, "dept-01", facts)))
                .containsExactly(entry("returned", 1L));
        ScorecardRow cityRule = calculator(NOVEMBER, AFTER_NOVEMBER, TestSchemes.cityRule(), Corrections.NONE)
                .scorecard(Scope.UNIT, List.of(facts)).row("dept-01").orElseThrow();
        assertThat(counts(cityRule)).containsExactly(entry("dispatched", 1L), entry("returned", 1L));
        // city rule: (0.6 × 0 + 0.2 × 0 + 0.2 × (1 − 0)) × 100 − 0.5 × 1 return = 19.5
        assertThat(cityRule.score()).isEqualTo(19.5);
        assertThat(cityRule.grade().grade()).isEqualTo("D");
    }

    @Test
    void aCaseSuspendedOverTheMonthEndIsNotOverdueInNovemberAndCountsInDecemberOnceResumed() {
        CaseFacts beforeResumption = aCase("C-SUS").reportedIn("610402", "2026-11-27T08:40")
                .filed("2026-11-27T08:50")
                .dispatchedTo("dept-05", "2026-11-27T09:00", "2026-11-30T09:00")
                .suspended("2026-11-27T15:00").facts();
        CaseFacts resumedAndHandled = ledgerCase();

        // at the cut-off the wall-clock deadline (30 Nov 09:00) has passed, but the clock stopped after 210 of 420 min
        assertThat(counts(row(NOVEMBER, AFTER_NOVEMBER, Scope.UNIT, "dept-05", beforeResumption)))
                .containsExactly(entry("dispatched", 1L), entry("pending", 1L), entry("suspended", 1L));
        // resumed on 2 Dec with the deadline moved by the 1110 suspended minutes: 2 Dec 16:00, a December task
        assertThat(row(NOVEMBER, AFTER_NOVEMBER, Scope.UNIT, "dept-05", resumedAndHandled)
                .count(Measure.DISPATCHED)).isZero();
        assertThat(counts(row(DECEMBER, AFTER_DECEMBER, Scope.UNIT, "dept-05", resumedAndHandled)))
                .containsExactly(entry("dispatched", 1L), entry("handled", 1L), entry("handledOnTime", 1L),
                        entry("suspended", 1L));
    }

    @Test
    void anExtensionApprovedAfterTheOriginalDeadlineMakesALaterHandlingOnTime() {
        CaseFactsFixture extended = aCase("C-EXT").reportedIn("610402", "2026-11-09T08:40")
                .dispatchedTo("dept-09", "2026-11-09T09:00", "2026-11-10T09:00");

        // before the extension: 600 working minutes used of 420
        assertThat(counts(row(NOVEMBER, at("2026-11-10T12:00"), Scope.UNIT, "dept-09", extended.facts())))
                .containsExactly(entry("dispatched", 1L), entry("overdueOpen", 1L), entry("overdue", 1L));

        CaseFacts facts = extended.extensionApproved("2026-11-10T14:30", "2026-11-12T09:00")
                .handled("2026-11-11T17:00").facts();
        // 1170 minutes used of the 1260 the extended deadline allows
        assertThat(counts(row(NOVEMBER, AFTER_NOVEMBER, Scope.UNIT, "dept-09", facts))).containsExactly(
                entry("dispatched", 1L), entry("handled", 1L), entry("handledOnTime", 1L), entry("extended", 1L));
    }

    @Test
    void reworkTwiceCountsTwoReworksAndTheLastPhaseDecidesOnTime() {
        CaseFacts facts = aCase("C-RW2").reportedIn("610402", "2026-11-16T08:40")
                .dispatchedTo("district-610402", "2026-11-16T09:00", "2026-11-17T09:00")
                .handled("2026-11-16T11:00").reworkRequired("2026-11-16T15:00")
                .reworkDispatched("2026-11-16T15:10", "2026-11-17T15:10")
                .handled("2026-11-17T10:00").reworkRequired("2026-11-17T11:00")
                .reworkDispatched("2026-11-17T11:10", "2026-11-18T11:10")
                .handled("2026-11-18T17:00").closed("2026-11-19T09:00").facts();

        ScorecardRow row = row(NOVEMBER, AFTER_NOVEMBER, Scope.UNIT, "district-610402", facts);

        // third phase: 620 working minutes against 420
        assertThat(counts(row)).containsExactly(entry("dispatched", 1L), entry("handled", 1L),
                entry("handledLate", 1L), entry("overdue", 1L), entry("rework", 2L), entry("reworkTimes", 2L),
                entry("closed", 1L));
        // the 2026.1 rule counts failed checks: 200 %, so (1 − 返工率) went negative (see SchemeChange2026Test)
        assertThat(row.rate(Ratio.REWORK_RATE)).isEqualTo(2.0);
        assertThat(row.rate(Ratio.AVERAGE_HANDLING_HOURS)).isEqualTo(16.67);
    }

    @Test
    void aTaskDispatchedInNovemberAndDueInDecemberCountsInDecember() {
        CaseFacts facts = aCase("C-NXT").reportedIn("610402", "2026-11-30T14:40").filed("2026-11-30T14:50")
                .dispatchedTo("dept-16", "2026-11-30T15:00", "2026-12-01T15:00")
                .handled("2026-12-01T11:00").facts();

        assertThat(row(NOVEMBER, AFTER_NOVEMBER, Scope.UNIT, "dept-16", facts).count(Measure.DISPATCHED)).isZero();
        assertThat(counts(row(DECEMBER, AFTER_DECEMBER, Scope.UNIT, "dept-16", facts))).containsExactly(
                entry("dispatched", 1L), entry("handled", 1L), entry("handledOnTime", 1L));
        // the dispatcher's work is November's
        assertThat(row(NOVEMBER, AFTER_NOVEMBER, Scope.DISPATCHER, "dispatcher-01", facts)
                .count(Measure.DISPATCHES)).isOne();
        assertThat(calculator(DECEMBER, AFTER_DECEMBER).scorecard(Scope.DISPATCHER, List.of(facts)).rows())
                .isEmpty();
    }

    @Test
    void aDuplicateMergedIntoAMasterCountsOnceAndOnlyAsAReport() {
        CaseFacts master = aCase("C-MASTER").reportedIn("610402", "2026-11-05T09:00").filed("2026-11-05T09:10")
                .dispatchedTo("district-610402", "2026-11-05T09:20", "2026-11-06T09:20")
                .handled("2026-11-05T15:00").closed("2026-11-05T17:00").facts();
        CaseFacts duplicate = aCase("C-DUP").reportedIn("610402", "2026-11-05T09:30")
                .mergedInto("C-MASTER", "2026-11-05T09:40").facts();
        CaseFacts dispatchedDuplicate = aCase("C-DUP2").reportedIn("610402", "2026-11-05T09:35")
                .filed("2026-11-05T09:45")
                .dispatchedTo("district-610402", "2026-11-05T09:50", "2026-11-06T09:50")
                .mergedInto("C-MASTER", "2026-11-05T10:00").facts();

        ScorecardRow district = row(NOVEMBER, AFTER_NOVEMBER, Scope.DISTRICT, "610402", master, duplicate,
                dispatchedDuplicate);
        ScorecardRow unit = row(NOVEMBER, AFTER_NOVEMBER, Scope.UNIT, "district-610402", master, duplicate,
                dispatchedDuplicate);

        assertThat(district.count(Measure.REPORTED)).isEqualTo(3);
        assertThat(district.count(Measure.VALID_REPORTED)).isOne();
        assertThat(district.count(Measure.FILED)).isOne();
        assertThat(district.count(Measure.DISPATCHED)).isOne();
        assertThat(counts(unit)).containsExactly(entry("dispatched", 1L), entry("handled", 1L),
                entry("handledOnTime", 1L), entry("closed", 1L), entry("closedOnTime", 1L));
        // the operator's filing of the duplicate was not accurate
        ScorecardRow operator = row(NOVEMBER, AFTER_NOVEMBER, Scope.OPERATOR, "operator-01", master,
                dispatchedDuplicate);
        assertThat(operator.rate(Ratio.FILING_ACCURACY)).isEqualTo(0.5);
    }

    @Test
    void upheldAppealCorrectionsExcludeATaskOrCountItOnTime() {
        CaseFacts overdue = aCase("C-APL").reportedIn("610402", "2026-11-10T09:00")
                .dispatchedTo("dept-16", "2026-11-10T09:30", "2026-11-13T09:30").facts();
        String task = overdue.tasks().get(0).taskId();
        FactCorrection exclude = new FactCorrection("x", "2026-11", "C-APL", task, "dept-16",
                FactCorrection.Effect.EXCLUDE, "appeal-1", "停水检修，非单位责任", "supervisor-01", AFTER_NOVEMBER);
        FactCorrection onTime = new FactCorrection("y", "2026-11", "C-APL", null, "dept-16",
                FactCorrection.Effect.COUNT_ON_TIME, "appeal-2", "已处置，反馈系统故障", "supervisor-01",
                AFTER_NOVEMBER);

        ScorecardRow excluded = calculator(NOVEMBER, AFTER_NOVEMBER, Scorecards.DEFAULT,
                new Corrections(List.of(exclude))).scorecard(Scope.UNIT, List.of(overdue)).row("dept-16").orElseThrow();
        ScorecardRow countedOnTime = calculator(NOVEMBER, AFTER_NOVEMBER, Scorecards.DEFAULT,
                new Corrections(List.of(onTime))).scorecard(Scope.UNIT, List.of(overdue)).row("dept-16").orElseThrow();

        assertThat(counts(excluded)).isEmpty();
        assertThat(counts(countedOnTime)).containsExactly(entry("dispatched", 1L), entry("handled", 1L),
                entry("handledOnTime", 1L));
    }

    @Test
    void rowsBelowTheMinimumVolumeAreMarkedAndNotRanked() {
        List<CaseFacts> cases = new java.util.ArrayList<>();
        for (int i = 0; i < 5; i++) {
            cases.add(aCase("C-A" + i).reportedIn("610402", "2026-11-02T09:00")
                    .dispatchedTo("dept-16", "2026-11-02T09:20", "2026-11-03T09:20")
                    .handled("2026-11-02T15:00").facts());
        }
        for (int i = 0; i < 5; i++) {
            cases.add(aCase("C-B" + i).reportedIn("610402", "2026-11-02T09:00")
                    .dispatchedTo("dept-01", "2026-11-02T09:20", "2026-11-03T09:20")
                    .handled(i == 0 ? "2026-11-04T09:00" : "2026-11-02T15:00").facts());
        }
        cases.add(aCase("C-C").reportedIn("610402", "2026-11-02T09:00")
                .dispatchedTo("dept-09", "2026-11-02T09:20", "2026-11-03T09:20")
                .handled("2026-11-02T15:00").facts());

        Scorecard scorecard = calculator(NOVEMBER, AFTER_NOVEMBER).scorecard(Scope.UNIT, cases);

        ScorecardRow water = scorecard.row("dept-16").orElseThrow();
        ScorecardRow enforcement = scorecard.row("dept-01").orElseThrow();
        ScorecardRow parks = scorecard.row("dept-09").orElseThrow();
        assertThat(water.score()).isEqualTo(100.0);
        assertThat(water.rank()).isEqualTo(1);
        assertThat(water.grade().grade()).isEqualTo("优秀");
        // (0.5 × 0.8 + 0.3 × 1 + 0.2 × 1) × 100 = 90
        assertThat(enforcement.score()).isEqualTo(90.0);
        assertThat(enforcement.rank()).isEqualTo(2);
        assertThat(parks.score()).isEqualTo(100.0);
        assertThat(parks.lowVolume()).isTrue();
        assertThat(parks.rank()).isNull();
        assertThat(parks.volume()).isOne();
    }

    private static CaseFacts ledgerCase() {
        return aCase("C-SUS").reportedIn("610402", "2026-11-27T08:40").filed("2026-11-27T08:50")
                .dispatchedTo("dept-05", "2026-11-27T09:00", "2026-11-30T09:00")
                .suspended("2026-11-27T15:00").resumed("2026-12-02T10:00", "2026-12-02T16:00")
                .handled("2026-12-02T15:00").facts();
    }
}
