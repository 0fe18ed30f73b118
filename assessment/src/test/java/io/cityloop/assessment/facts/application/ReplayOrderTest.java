package io.cityloop.assessment.facts.application;

import static io.cityloop.assessment.facts.application.SimulatedMonth.SHANGHAI;
import static io.cityloop.assessment.facts.application.SimulatedMonth.at;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;

import io.cityloop.assessment.facts.model.CaseFacts;
import io.cityloop.assessment.ledger.model.WorkingTimeScale;
import io.cityloop.assessment.scheme.model.SchemeBook;
import io.cityloop.assessment.scheme.model.Scope;
import io.cityloop.assessment.scheme.model.ScoringScheme;
import io.cityloop.assessment.scheme.model.TestSchemes;
import io.cityloop.assessment.scorecard.model.AssessmentMonth;
import io.cityloop.assessment.scorecard.model.Corrections;
import io.cityloop.assessment.scorecard.model.Scorecard;
import io.cityloop.assessment.scorecard.model.ScorecardCalculator;
import io.cityloop.assessment.scorecard.model.ScorecardRow;
import io.cityloop.assessment.scorecard.model.ScoringPeriod;
import io.cityloop.events.CaseEvent;
import io.cityloop.reference.CityReference;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/**
 * The same events in a different partition interleaving, with redeliveries, and even out of order within a case,
 * give the same facts and the same scorecards.
 */
class ReplayOrderTest {

    private static final CityReference CITY = CityReference.load();
    private static final YearMonth NOVEMBER = YearMonth.of(2026, 11);

    @Test
    void interleavingAndRedeliveryDoNotChangeTheFactsOrTheScorecards() {
        List<List<CaseEvent>> cases = SimulatedMonth.casesOf("QD");
        InMemoryCaseFactsStore inOrder = replay(cases.stream().flatMap(List::stream).toList());

        for (long seed = 1; seed <= 20; seed++) {
            Random random = new Random(seed);
            InMemoryCaseFactsStore interleaved = replay(interleave(cases, random, true));

            assertThat(interleaved.all()).as("seed %d", seed).isEqualTo(inOrder.all());
            assertSameScorecards(inOrder, interleaved);
        }
    }

    @Test
    void evenEventsOfOneCaseOutOfOrderGiveTheSameScorecards() {
        List<List<CaseEvent>> cases = SimulatedMonth.casesOf("QD");
        InMemoryCaseFactsStore inOrder = replay(cases.stream().flatMap(List::stream).toList());
        List<CaseEvent> shuffled = new ArrayList<>(cases.stream().flatMap(List::stream).toList());
        shuffled.addAll(shuffled.subList(0, 10));
        Collections.shuffle(shuffled, new Random(42));

        InMemoryCaseFactsStore outOfOrder = replay(shuffled);

        assertThat(outOfOrder.all()).extracting(CaseFacts::tasks)
                .isEqualTo(inOrder.all().stream().map(CaseFacts::tasks).toList());
        assertSameScorecards(inOrder, outOfOrder);
    }

    @Test
    void theSimulatedMonthMatchesTheHandComputedScorecard() {
        InMemoryCaseFactsStore store = replay(SimulatedMonth.casesOf("QD").stream().flatMap(List::stream).toList());
        Map<Scope, Scorecard> all = calculator().all(store.countingIn(NOVEMBER));

        ScorecardRow qindu = all.get(Scope.UNIT).row("district-610402").orElseThrow();
        assertThat(qindu.count(io.cityloop.assessment.scheme.model.Measure.DISPATCHED)).isEqualTo(2);
        assertThat(qindu.count(io.cityloop.assessment.scheme.model.Measure.HANDLED_ON_TIME)).isOne();
        assertThat(qindu.count(io.cityloop.assessment.scheme.model.Measure.HANDLED_LATE)).isOne();
        assertThat(qindu.count(io.cityloop.assessment.scheme.model.Measure.REWORK)).isOne();
        assertThat(qindu.count(io.cityloop.assessment.scheme.model.Measure.ESCALATED)).isOne();
        // (0.5 × 0.5 + 0.3 × 1 + 0.2 × (1 − 0.5)) × 100 − 1 = 64
        assertThat(qindu.score()).isEqualTo(64.0);
        ScorecardRow parks = all.get(Scope.UNIT).row("dept-09").orElseThrow();
        // suspended 2 working days, then extended after the moved deadline: handled within the allowance
        assertThat(parks.count(io.cityloop.assessment.scheme.model.Measure.HANDLED_ON_TIME)).isOne();
        assertThat(parks.count(io.cityloop.assessment.scheme.model.Measure.EXTENDED)).isOne();
        assertThat(all.get(Scope.UNIT).row("dept-01").orElseThrow()
                .count(io.cityloop.assessment.scheme.model.Measure.RETURNED_JUSTIFIED)).isOne();
        assertThat(all.get(Scope.UNIT).row("dept-16").orElseThrow()
                .count(io.cityloop.assessment.scheme.model.Measure.HANDLED_ON_TIME)).isEqualTo(2);
        ScorecardRow district = all.get(Scope.DISTRICT).row("610402").orElseThrow();
        assertThat(district.count(io.cityloop.assessment.scheme.model.Measure.REPORTED)).isEqualTo(6);
        assertThat(district.count(io.cityloop.assessment.scheme.model.Measure.VALID_REPORTED)).isEqualTo(5);
        assertThat(district.count(io.cityloop.assessment.scheme.model.Measure.DISPATCHED)).isEqualTo(5);
    }

    /**
     * Across the scheme change: a month frozen with 2026.1 keeps its numbers whatever the replay, and the same facts
     * scored by 2026.2 are as stable under replay; only the rules that changed move the numbers.
     */
    @Test
    void acrossTheSchemeChangeEachSchemeGivesTheSameScorecardsWhateverTheReplayOrder() {
        List<List<CaseEvent>> cases = SimulatedMonth.casesOf("QD");
        InMemoryCaseFactsStore inOrder = replay(cases.stream().flatMap(List::stream).toList());
        ScoringScheme v1 = TestSchemes.defaultScheme();
        ScoringScheme v2 = TestSchemes.read("scoring-schemes/gbt30428-default-2026.2.json");
        SchemeBook book = new SchemeBook(List.of(v1, v2), Map.of());
        assertThat(book.forMonth(NOVEMBER)).isEqualTo(v1);
        assertThat(book.forMonth(YearMonth.of(2027, 1))).isEqualTo(v2);

        for (long seed = 1; seed <= 5; seed++) {
            InMemoryCaseFactsStore interleaved = replay(interleave(cases, new Random(seed), true));
            assertSameScorecards(inOrder, interleaved, v1);
            assertSameScorecards(inOrder, interleaved, v2);
        }
        Map<Scope, Scorecard> old = calculator(v1).all(inOrder.countingIn(NOVEMBER));
        Map<Scope, Scorecard> now = calculator(v2).all(inOrder.countingIn(NOVEMBER));
        ScorecardRow qinduOld = old.get(Scope.UNIT).row("district-610402").orElseThrow();
        ScorecardRow qinduNow = now.get(Scope.UNIT).row("district-610402").orElseThrow();
        assertThat(qinduOld.score()).isEqualTo(64.0);
        // one task handled, reworked once: the same 返工数 under both rules, so the same unit score
        assertThat(qinduNow.count(io.cityloop.assessment.scheme.model.Measure.REWORK)).isOne();
        assertThat(qinduNow.count(io.cityloop.assessment.scheme.model.Measure.REWORK_TIMES)).isOne();
        assertThat(qinduNow.score()).isEqualTo(64.0);
        for (ScorecardRow row : now.get(Scope.UNIT).rows()) {
            assertThat(row.count(io.cityloop.assessment.scheme.model.Measure.REWORK)).as(row.entityId())
                    .isLessThanOrEqualTo(row.count(io.cityloop.assessment.scheme.model.Measure.HANDLED));
        }
        // the regional formula changed: scored over 应结案数 with 监督举报率 and the banded 立案数
        ScorecardRow district = now.get(Scope.DISTRICT).row("610402").orElseThrow();
        assertThat(district.volume()).isEqualTo(district.count(io.cityloop.assessment.scheme.model.Measure.DUE_TO_CLOSE));
        assertThat(now.get(Scope.DISTRICT).scheme().reference()).isEqualTo("gbt30428-default@2026.2");
    }

    private static void assertSameScorecards(InMemoryCaseFactsStore expected, InMemoryCaseFactsStore actual) {
        assertSameScorecards(expected, actual, TestSchemes.defaultScheme());
    }

    private static void assertSameScorecards(InMemoryCaseFactsStore expected, InMemoryCaseFactsStore actual,
                                             ScoringScheme scheme) {
        Map<Scope, Scorecard> want = calculator(scheme).all(expected.countingIn(NOVEMBER));
        Map<Scope, Scorecard> got = calculator(scheme).all(actual.countingIn(NOVEMBER));
        for (Scope scope : Scope.values()) {
            assertThat(got.get(scope).rows()).as("%s", scope).hasSameSizeAs(want.get(scope).rows());
            for (int i = 0; i < want.get(scope).rows().size(); i++) {
                ScorecardRow w = want.get(scope).rows().get(i);
                ScorecardRow g = got.get(scope).rows().get(i);
                assertThat(g.entityId()).isEqualTo(w.entityId());
                assertThat(g.counts()).as("%s %s", scope, w.entityId()).containsExactly(w.counts());
                assertThat(g.score()).isEqualTo(w.score());
                assertThat(g.rank()).isEqualTo(w.rank());
            }
        }
    }

    /** Keeps each case's order (one case is one partition), mixes the cases, and redelivers some events. */
    private static List<CaseEvent> interleave(List<List<CaseEvent>> cases, Random random, boolean redeliver) {
        List<Integer> positions = new ArrayList<>(Collections.nCopies(cases.size(), 0));
        List<CaseEvent> out = new ArrayList<>();
        while (true) {
            List<Integer> open = new ArrayList<>();
            for (int i = 0; i < cases.size(); i++) {
                if (positions.get(i) < cases.get(i).size()) {
                    open.add(i);
                }
            }
            if (open.isEmpty()) {
                return out;
            }
            int pick = open.get(random.nextInt(open.size()));
            int at = positions.get(pick);
            CaseEvent event = cases.get(pick).get(at);
            out.add(event);
            if (redeliver && random.nextInt(4) == 0) {
                out.add(event);
            }
            positions.set(pick, at + 1);
        }
    }

    private static InMemoryCaseFactsStore replay(List<CaseEvent> events) {
        InMemoryCaseFactsStore store = new InMemoryCaseFactsStore(SHANGHAI);
        CaseFactsProjection projection = new CaseFactsProjection(store, new SimpleMeterRegistry());
        events.forEach(projection::apply);
        return store;
    }

    private static ScorecardCalculator calculator() {
        return calculator(TestSchemes.defaultScheme());
    }

    private static ScorecardCalculator calculator(ScoringScheme scheme) {
        return new ScorecardCalculator(ScoringPeriod.asOf(new AssessmentMonth(NOVEMBER, SHANGHAI),
                at("2026-12-05T10:00")), scheme, new WorkingTimeScale(CITY.calendar()), CITY, Corrections.NONE);
    }
}
