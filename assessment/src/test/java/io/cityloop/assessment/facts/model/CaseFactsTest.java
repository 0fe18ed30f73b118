package io.cityloop.assessment.facts.model;

import static io.cityloop.assessment.facts.model.CaseFactsFixture.SHANGHAI;
import static io.cityloop.assessment.facts.model.CaseFactsFixture.at;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CaseFactsTest {

    private static final TaskAssignment TASK = new TaskAssignment("T1", "district-610402", "秦都区", "610402",
            at("2026-11-02T09:20"), at("2026-11-03T09:20"), "dispatcher-01");
    private static final CaseFacts.Report QINDU_REPORT = new CaseFacts.Report("INSPECTOR", "inspector-qd-01",
            "610402", "6104020010010001", "02-01-01");

    @Test
    void redeliveredEventIsANoOp() {
        CaseFacts reported = CaseFacts.firstSeen("C1").reported("e1", at("2026-11-02T09:00"), QINDU_REPORT);
        CaseFacts dispatched = reported.dispatched("e2", TASK);

        assertThat(dispatched.dispatched("e2", TASK)).isSameAs(dispatched);
        assertThat(dispatched.reported("e1", at("2026-11-09T09:00"), QINDU_REPORT)).isSameAs(dispatched);
        assertThat(dispatched.taskStep("e2", "T1", null, TaskStep.of(at("2026-11-02T10:00"), StepKind.ACCEPTED)))
                .isSameAs(dispatched);
        assertThat(dispatched.tasks()).hasSize(1);
        assertThat(dispatched.appliedEventIds()).containsExactly("e1", "e2");
    }

    @Test
    void eventsBeforeTheReportCreateTheCaseAndAreKept() {
        CaseFacts facts = CaseFacts.firstSeen("C1")
                .taskStep("e3", "T1", "district-610402", new TaskStep(at("2026-11-02T15:00"), StepKind.HANDLED,
                        null, at("2026-11-03T09:20"), true, 0))
                .dispatched("e2", TASK)
                .reported("e1", at("2026-11-02T09:00"), QINDU_REPORT);

        TaskFacts task = facts.task("T1").orElseThrow();
        assertThat(facts.reportedAt()).isEqualTo(at("2026-11-02T09:00"));
        assertThat(facts.reporter()).isEqualTo("inspector-qd-01");
        assertThat(facts.streetCode()).isEqualTo("610402001");
        assertThat(task.unitName()).isEqualTo("秦都区");
        assertThat(task.deadline()).isEqualTo(at("2026-11-03T09:20"));
        assertThat(task.dispatcher()).isEqualTo("dispatcher-01");
        assertThat(task.handlings()).containsExactly(new Handling(at("2026-11-02T15:00"), true));
    }

    @Test
    void theLatestDeadlineDecisionWinsWhateverTheArrivalOrder() {
        TaskStep rework = new TaskStep(at("2026-11-02T16:30"), StepKind.REWORK_DISPATCHED, null,
                at("2026-11-04T16:30"), false, 1);
        CaseFacts reworkFirst = CaseFacts.firstSeen("C1").taskStep("e5", "T1", "district-610402", rework)
                .dispatched("e2", TASK);
        CaseFacts inOrder = CaseFacts.firstSeen("C1").dispatched("e2", TASK)
                .taskStep("e5", "T1", "district-610402", rework);

        assertThat(reworkFirst.task("T1").orElseThrow().deadline()).isEqualTo(at("2026-11-04T16:30"));
        assertThat(inOrder.task("T1").orElseThrow()).isEqualTo(reworkFirst.task("T1").orElseThrow());
    }

    @Test
    void aRejectedExtensionLeavesTheDeadlineAndAnApprovedOneMovesIt() {
        CaseFacts facts = CaseFacts.firstSeen("C1").dispatched("e2", TASK)
                .taskStep("e3", "T1", null, new TaskStep(at("2026-11-02T11:00"), StepKind.EXTENSION_DECIDED, "d",
                        at("2026-11-09T09:20"), false, 0));
        assertThat(facts.task("T1").orElseThrow().deadline()).isEqualTo(at("2026-11-03T09:20"));

        CaseFacts approved = facts.taskStep("e4", "T1", null, new TaskStep(at("2026-11-02T11:30"),
                StepKind.EXTENSION_DECIDED, "d", at("2026-11-05T09:20"), true, 0));
        assertThat(approved.task("T1").orElseThrow().deadline()).isEqualTo(at("2026-11-05T09:20"));
        assertThat(approved.task("T1").orElseThrow().extensionsApprovedBefore(at("2026-12-01T00:00"))).isOne();
    }

    @Test
    void aDeadlineMovedByACalendarEditIsADeadlineDecision() {
        CaseFacts facts = CaseFacts.firstSeen("C1").dispatched("e2", TASK)
                .taskStep("e3", "T1", null, new TaskStep(at("2026-11-02T12:00"), StepKind.DEADLINE_MOVED, null,
                        at("2026-11-04T09:20"), false, 0));

        assertThat(facts.task("T1").orElseThrow().deadline()).isEqualTo(at("2026-11-04T09:20"));
    }

    @Test
    void filingOutranksTheReportedDistrictAndCategory() {
        CaseFacts filedFirst = CaseFacts.firstSeen("C1")
                .filed("e2", at("2026-11-02T09:10"), new CaseFacts.Report(null, "operator-01", "610404",
                        "6104040010010001", "02-01-02"))
                .reported("e1", at("2026-11-02T09:00"), QINDU_REPORT);

        assertThat(filedFirst.districtCode()).isEqualTo("610404");
        assertThat(filedFirst.categoryCode()).isEqualTo("02-01-02");
        assertThat(filedFirst.source()).isEqualTo("INSPECTOR");
        assertThat(filedFirst.filedBy()).isEqualTo("operator-01");
    }

    @Test
    void theLaterOfMergeAndUnmergeDecidesWhateverTheArrivalOrder() {
        CaseFacts unmergeFirst = CaseFacts.firstSeen("C2")
                .unmerged("e2", at("2026-11-02T11:00"))
                .merged("e1", at("2026-11-02T10:00"), "C1");
        CaseFacts mergeAgain = unmergeFirst.merged("e3", at("2026-11-02T12:00"), "C1");

        assertThat(unmergeFirst.mergedInto()).isNull();
        assertThat(mergeAgain.mergedAt(at("2026-11-30T00:00"))).isTrue();
        assertThat(mergeAgain.mergedAt(at("2026-11-02T11:30"))).isFalse();
    }

    @Test
    void aCaseCountsInTheMonthsOfItsReportDispatchesAndDeadlines() {
        CaseFacts facts = CaseFactsFixture.aCase("C1").reportedIn("610402", "2026-10-30T17:00")
                .filed("2026-10-30T17:10")
                .dispatchedTo("district-610402", "2026-10-30T17:20", "2026-11-02T17:20").facts();

        assertThat(facts.countsIn(SHANGHAI)).containsExactly("2026-10", "2026-11");
    }

    @Test
    void stepsAreKeptInBusinessTimeOrder() {
        CaseFacts facts = CaseFacts.firstSeen("C1").dispatched("e2", TASK)
                .taskStep("e6", "T1", null, new TaskStep(at("2026-11-03T10:00"), StepKind.HANDLED, null, null, true, 0))
                .taskStep("e4", "T1", null, TaskStep.of(at("2026-11-02T16:00"), StepKind.REWORK_REQUIRED))
                .taskStep("e3", "T1", null, new TaskStep(at("2026-11-02T15:00"), StepKind.HANDLED, null, null, true, 0));

        TaskFacts task = facts.task("T1").orElseThrow();
        assertThat(task.handlings()).extracting(Handling::at)
                .containsExactly(at("2026-11-02T15:00"), at("2026-11-03T10:00"));
        assertThat(task.steps()).isSortedAccordingTo(TaskStep.BUSINESS_ORDER);
        assertThat(task.reopenedBetween(at("2026-11-03T10:00"), at("2026-12-01T00:00"))).isFalse();
        assertThat(task.reopenedBetween(at("2026-11-02T15:00"), at("2026-12-01T00:00"))).isTrue();
    }
}
