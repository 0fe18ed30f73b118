package io.cityloop.assessment.scorecard.model;

import static io.cityloop.assessment.facts.model.CaseFactsFixture.SHANGHAI;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import io.cityloop.assessment.facts.model.CaseFacts;
import io.cityloop.assessment.facts.model.StepKind;
import io.cityloop.assessment.facts.model.TaskAssignment;
import io.cityloop.assessment.facts.model.TaskStep;
import io.cityloop.assessment.scheme.model.Measure;
import io.cityloop.assessment.scheme.model.Scope;
import io.cityloop.reference.HandlingUnit;

/**
 * Volume benchmark (not a timed assertion): a month of 1,000,000 case facts built in memory, and the pure scorecard
 * computation of every scope over them, clock ledger included. Excluded from the default build; run with
 * {@code ./mvnw -pl assessment test -Dassessment.excludedGroups= -Dtest=ScorecardVolumeBenchmarkTest
 * -DargLine="-Xmx3g"}.
 */
@Tag("benchmark")
class ScorecardVolumeBenchmarkTest {

    private static final int CASES = Integer.getInteger("benchmark.cases", 1_000_000);

    @Test
    void aMonthOfAMillionCaseFactsScoresInSeconds() {
        long buildStart = System.nanoTime();
        List<CaseFacts> month = simulatedMonth(CASES, new Random(7));
        double buildSeconds = (System.nanoTime() - buildStart) / 1e9;

        AssessmentMonth november = Scorecards.month(2026, 11);
        Map<Scope, Scorecard> warmUp = Scorecards.calculator(november, at("2026-12-05T10:00"))
                .all(month.subList(0, Math.min(50_000, month.size())));
        assertThat(warmUp).hasSize(Scope.values().length);

        long start = System.nanoTime();
        Map<Scope, Scorecard> all = Scorecards.calculator(november, at("2026-12-05T10:00")).all(month);
        double seconds = (System.nanoTime() - start) / 1e9;

        long dispatched = all.get(Scope.UNIT).rows().stream().mapToLong(row -> row.count(Measure.DISPATCHED)).sum();
        System.out.printf("benchmark: built %,d case facts in %.1f s; scored every scope in %.2f s "
                + "(%,.0f cases/s); %,d tasks counted%n", month.size(), buildSeconds, seconds,
                month.size() / seconds, dispatched);
        assertThat(dispatched).isEqualTo(month.size());
    }

    private static List<CaseFacts> simulatedMonth(int count, Random random) {
        List<HandlingUnit> units = Scorecards.CITY.units();
        List<CaseFacts> cases = new ArrayList<>(count);
        Instant monthStart = at("2026-11-02T08:30");
        for (int i = 0; i < count; i++) {
            String caseId = "C" + i;
            HandlingUnit unit = units.get(random.nextInt(units.size()));
            Instant reported = monthStart.plusSeconds(random.nextInt(20 * 24 * 3600));
            Instant dispatchedAt = reported.plusSeconds(600 + random.nextInt(1800));
            Instant deadline = Scorecards.SCALE.calendar().plusWorkingTime(dispatchedAt,
                    java.time.Duration.ofHours(7));
            CaseFacts facts = CaseFacts.firstSeen(caseId)
                    .reported("r" + i, reported, new CaseFacts.Report("INSPECTOR", "inspector", "610402",
                            "6104020010010001", "02-01-01"))
                    .filed("f" + i, reported.plusSeconds(300), new CaseFacts.Report(null, "operator-0" + (i % 9),
                            "610402", "6104020010010001", "02-01-01"))
                    .dispatched("d" + i, new TaskAssignment(caseId + "-T1", unit.id(), unit.name(), "610402",
                            dispatchedAt, deadline, "dispatcher-0" + (i % 7)));
            int outcome = random.nextInt(10);
            if (outcome < 8) {
                Instant handled = dispatchedAt.plusSeconds(3600L * (1 + random.nextInt(30)));
                facts = facts.taskStep("h" + i, caseId + "-T1", unit.id(),
                        new TaskStep(handled, StepKind.HANDLED, null, deadline, true, 0));
                if (outcome == 0) {
                    facts = facts.taskStep("w" + i, caseId + "-T1", unit.id(),
                            new TaskStep(handled.plusSeconds(3600), StepKind.REWORK_REQUIRED, "inspector", null,
                                    false, 0));
                } else {
                    facts = facts.closed("c" + i, handled.plusSeconds(3600));
                }
            } else if (outcome == 8) {
                facts = facts.taskStep("s" + i, caseId + "-T1", unit.id(),
                        TaskStep.of(dispatchedAt.plusSeconds(1800), StepKind.SUSPENDED));
            }
            cases.add(facts);
        }
        return cases;
    }

    private static Instant at(String local) {
        return LocalDateTime.parse(local).atZone(SHANGHAI).toInstant();
    }
}
