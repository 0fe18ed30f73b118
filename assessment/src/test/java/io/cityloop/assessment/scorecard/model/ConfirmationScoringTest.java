package io.cityloop.assessment.scorecard.model;

import static io.cityloop.assessment.facts.model.CaseFactsFixture.aCase;
import static io.cityloop.assessment.facts.model.CaseFactsFixture.at;
import static io.cityloop.assessment.scorecard.model.Scorecards.calculator;
import static io.cityloop.assessment.scorecard.model.Scorecards.month;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import io.cityloop.assessment.facts.model.CaseFacts;
import io.cityloop.assessment.facts.model.CaseFactsFixture;
import io.cityloop.assessment.scheme.model.Measure;
import io.cityloop.assessment.scheme.model.Ratio;
import io.cityloop.assessment.scheme.model.Scope;
import io.cityloop.assessment.scheme.model.ScoringScheme;
import io.cityloop.assessment.scheme.model.TestSchemes;

/**
 * 核实 (confirmation before filing) on the position scorecards, with numbers worked by hand: November 2026 in 秦都区,
 * 张伟 ({@code inspector}, the reference inspector of 秦都区) asked three times, {@code operator-01} sending two, the
 * automatic rule the third. Office hours 08:30–12:00 and 14:30–18:00; the operator limit is 30 working minutes.
 */
class ConfirmationScoringTest {

    private static final AssessmentMonth NOVEMBER = month(2026, 11);
    private static final AssessmentMonth DECEMBER = month(2026, 12);
    private static final Instant AFTER_NOVEMBER = at("2026-12-05T10:00");
    private static final Instant AFTER_DECEMBER = at("2027-01-05T10:00");
    private static final String ZHANG_WEI = "inspector";
    private static final String OPERATOR = "operator-01";
    private static final Set<Measure> NEW_COUNTS = EnumSet.of(Measure.CONFIRMATIONS, Measure.CONFIRMED_ON_TIME,
            Measure.CONFIRMATIONS_SENT, Measure.CONFIRMATIONS_SENT_ON_TIME);

    @Test
    void threeRequestsToOneInspectorOneAnsweredInTimeOneLateOneOpenAndOverdueAtTheCutOff() {
        var all = calculator(NOVEMBER, AFTER_NOVEMBER).all(november(true));

        ScorecardRow inspector = all.get(Scope.INSPECTOR).row(ZHANG_WEI).orElseThrow();
        assertThat(inspector.count(Measure.CONFIRMATIONS)).isEqualTo(3);
        assertThat(inspector.count(Measure.CONFIRMED_ON_TIME)).isEqualTo(1);
        // 1 / 3 = 0.3333 (4 decimals, half up): 按时核实率 33.3 %
        assertThat(inspector.rate(Ratio.ON_TIME_CONFIRMATION_RATE)).isEqualTo(0.3333);
        // 核实 is not 核查: no check of a unit's work was asked
        assertThat(inspector.count(Measure.VERIFICATIONS)).isZero();
    }

    @Test
    void theOperatorCountsTheTwoSentOneLateAndTheRulesRequestIsNoOperators() {
        var all = calculator(NOVEMBER, AFTER_NOVEMBER).all(november(true));

        ScorecardRow operator = all.get(Scope.OPERATOR).row(OPERATOR).orElseThrow();
        // 09:00 → 09:10 is 10 working minutes (in time); 09:00 → 09:50 is 50 (late)
        assertThat(operator.count(Measure.CONFIRMATIONS_SENT)).isEqualTo(2);
        assertThat(operator.count(Measure.CONFIRMATIONS_SENT_ON_TIME)).isEqualTo(1);
        assertThat(operator.rate(Ratio.ON_TIME_CONFIRMATION_DISPATCH_RATE)).isEqualTo(0.5);
        long sentByAnyOperator = all.get(Scope.OPERATOR).rows().stream()
                .mapToLong(row -> row.count(Measure.CONFIRMATIONS_SENT)).sum();
        assertThat(sentByAnyOperator).isEqualTo(2);
        assertThat(all.get(Scope.OPERATOR).row("confirmation-rule")).isEmpty();
    }

    @Test
    void theCountsDrillDownToTheCasesBehindThem() {
        ScorecardCalculator calculator = calculator(NOVEMBER, AFTER_NOVEMBER);

        List<Contribution> asked = calculator.contributions(Scope.INSPECTOR, ZHANG_WEI, november(true)).stream()
                .filter(c -> c.count(Measure.CONFIRMATIONS) > 0).toList();
        List<Contribution> sent = calculator.contributions(Scope.OPERATOR, OPERATOR, november(true)).stream()
                .filter(c -> c.count(Measure.CONFIRMATIONS_SENT) > 0).toList();

        assertThat(asked).extracting(Contribution::caseId).containsExactly("HZ-1", "HZ-2", "HZ-3");
        assertThat(asked).filteredOn(c -> c.count(Measure.CONFIRMED_ON_TIME) > 0).extracting(Contribution::caseId)
                .containsExactly("HZ-1");
        assertThat(sent).extracting(Contribution::caseId).containsExactly("HZ-1", "HZ-2");
    }

    /**
     * After 核实属实 the operator's 受理 clock starts again at the answer: reported 09:00, sent 09:05, confirmed late at
     * 10:00, filed 10:10 — 70 working minutes after the report (late), 10 after the answer (按时受理). The time on
     * site is the inspector's (late on 按时核实率), not the operator's.
     */
    @Test
    void aFilingAfterAConfirmedReportIsTimedFromTheAnswer() {
        CaseFacts confirmed = aCase("HZ-7").reportedFrom("HOTLINE", "610402", "2026-11-11T09:00")
                .confirmationSentBy(OPERATOR, "2026-11-11T09:05", ZHANG_WEI, "2026-11-11T09:35")
                .confirmationAnswered("2026-11-11T10:00", "CONFIRMED", false)
                .filedBy("2026-11-11T10:10", OPERATOR).facts();
        CaseFacts unconfirmed = aCase("HZ-8").reportedFrom("HOTLINE", "610402", "2026-11-11T09:00")
                .filedBy("2026-11-11T10:10", OPERATOR).facts();

        var all = calculator(NOVEMBER, AFTER_NOVEMBER).all(List.of(confirmed, unconfirmed));

        ScorecardRow operator = all.get(Scope.OPERATOR).row(OPERATOR).orElseThrow();
        assertThat(operator.count(Measure.DECISIONS)).isEqualTo(2);
        assertThat(operator.count(Measure.DECIDED_ON_TIME)).as("HZ-7 from the answer; HZ-8 from the report, late")
                .isEqualTo(1);
        assertThat(all.get(Scope.INSPECTOR).row(ZHANG_WEI).orElseThrow().count(Measure.CONFIRMED_ON_TIME)).isZero();
    }

    /** The new columns inform; under every shipped scheme no score, rank, grade, volume or older count moves. */
    @Test
    void theNewColumnsChangeNoScoreOrOlderCountUnderAnyShippedScheme() {
        for (String file : List.of("gbt30428-default.json", "gbt30428-default-2026.2.json",
                "gbt30428-default-2026.3.json", "gbt30428-five-band-2026.2.json", "city-rule-2025.json")) {
            ScoringScheme scheme = TestSchemes.read("scoring-schemes/" + file);
            Map<Scope, Scorecard> with = calculator(NOVEMBER, AFTER_NOVEMBER, scheme, Corrections.NONE)
                    .all(november(true));
            Map<Scope, Scorecard> without = calculator(NOVEMBER, AFTER_NOVEMBER, scheme, Corrections.NONE)
                    .all(november(false));
            for (Scope scope : Scope.values()) {
                List<ScorecardRow> before = without.get(scope).rows();
                List<ScorecardRow> after = with.get(scope).rows();
                assertThat(after).extracting(ScorecardRow::entityId)
                        .containsExactlyElementsOf(before.stream().map(ScorecardRow::entityId).toList());
                for (int i = 0; i < before.size(); i++) {
                    assertSameExceptConfirmations(file, before.get(i), after.get(i));
                }
            }
        }
    }

    /**
     * A request in the last working minutes of the month is due in the next one. As for 核查, the month of the
     * request counts it, and an answer after the month's cut-off is not on time there, however quick; the next month
     * does not count it again.
     */
    @Test
    void aRequestDueInTheNextMonthCountsInTheMonthItWasSentAndIsNotOnTimeThere() {
        // 30 working minutes from Monday 30 November 17:50: 10 before 18:00, 20 after 08:30 on Tuesday 1 December
        CaseFacts lastMinute = aCase("HZ-9").reportedFrom("HOTLINE", "610402", "2026-11-30T17:45")
                .confirmationSentBy(OPERATOR, "2026-11-30T17:50", ZHANG_WEI, "2026-12-01T08:50")
                .confirmationAnswered("2026-12-01T08:40", "CONFIRMED", true).facts();

        assertThat(lastMinute.countsIn(CaseFactsFixture.SHANGHAI)).containsExactly("2026-11");
        ScorecardRow november = calculator(NOVEMBER, AFTER_NOVEMBER).scorecard(Scope.INSPECTOR, List.of(lastMinute))
                .row(ZHANG_WEI).orElseThrow();
        assertThat(november.count(Measure.CONFIRMATIONS)).isOne();
        assertThat(november.count(Measure.CONFIRMED_ON_TIME)).isZero();
        ScorecardRow december = calculator(DECEMBER, AFTER_DECEMBER).scorecard(Scope.INSPECTOR, List.of(lastMinute))
                .row(ZHANG_WEI).orElseThrow();
        assertThat(december.count(Measure.CONFIRMATIONS)).isZero();
    }

    @Test
    void aRefutedReportCountsAsAnsweredAndOnTimeWhenItCameInTime() {
        CaseFacts refuted = aCase("HZ-7").reportedFrom("VIDEO_AI", "610402", "2026-11-12T10:00")
                .confirmationSentByRule("2026-11-12T10:00", ZHANG_WEI, "2026-11-12T10:30")
                .confirmationAnswered("2026-11-12T10:25", "REFUTED", true).facts();

        ScorecardRow inspector = calculator(NOVEMBER, AFTER_NOVEMBER).scorecard(Scope.INSPECTOR, List.of(refuted))
                .row(ZHANG_WEI).orElseThrow();

        assertThat(inspector.count(Measure.CONFIRMATIONS)).isOne();
        assertThat(inspector.count(Measure.CONFIRMED_ON_TIME)).isOne();
    }

    /**
     * HZ-1: a hotline report of 暴露垃圾 (02-01-01) on Monday 9 November 09:00, sent 09:10 (due 09:40), confirmed
     * 09:25, filed 09:28. HZ-2: a citizen's report on Tuesday 10 November 09:00, sent 09:50 (late, due 10:20),
     * refuted 11:00 (late). HZ-3: a sensor alarm on Monday 30 November 17:20 sent by the automatic rule, due 17:50,
     * still unanswered at the cut-off (1 December 00:00).
     *
     * @param confirmations false gives the same cases as if assessment had ignored the 核实 events
     */
    private static List<CaseFacts> november(boolean confirmations) {
        CaseFactsFixture inTime = aCase("HZ-1").reportedFrom("HOTLINE", "610402", "2026-11-09T09:00");
        CaseFactsFixture late = aCase("HZ-2").reportedFrom("PUBLIC", "610402", "2026-11-10T09:00");
        CaseFactsFixture open = aCase("HZ-3").reportedFrom("SENSOR", "610402", "2026-11-30T17:20");
        if (confirmations) {
            inTime.confirmationSentBy(OPERATOR, "2026-11-09T09:10", ZHANG_WEI, "2026-11-09T09:40")
                    .confirmationAnswered("2026-11-09T09:25", "CONFIRMED", true);
            late.confirmationSentBy(OPERATOR, "2026-11-10T09:50", ZHANG_WEI, "2026-11-10T10:20")
                    .confirmationAnswered("2026-11-10T11:00", "REFUTED", false);
            open.confirmationSentByRule("2026-11-30T17:20", ZHANG_WEI, "2026-11-30T17:50");
        }
        inTime.filedBy("2026-11-09T09:28", OPERATOR);
        return List.of(inTime.facts(), late.facts(), open.facts());
    }

    private static void assertSameExceptConfirmations(String scheme, ScorecardRow before, ScorecardRow after) {
        String row = scheme + " " + before.scope() + " " + before.entityId();
        assertThat(after.score()).as(row).isEqualTo(before.score());
        assertThat(after.rank()).as(row).isEqualTo(before.rank());
        assertThat(after.grade()).as(row).isEqualTo(before.grade());
        assertThat(after.volume()).as(row).isEqualTo(before.volume());
        for (Measure measure : Measure.values()) {
            if (!NEW_COUNTS.contains(measure)) {
                assertThat(after.count(measure)).as(row + " " + measure.key()).isEqualTo(before.count(measure));
            }
        }
    }
}
