package io.cityloop.assessment.facts.model;

import static io.cityloop.assessment.facts.model.CaseFactsFixture.at;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CaseFactsTest {

    private static final TaskAssignment TASK = new TaskAssignment("T1", "district-610402", "秦都区", "610402",
            at("2026-11-02T09:20"), at("2026-11-03T09:20"));

    @Test
    void redeliveredEventIsANoOp() {
        CaseFacts reported = CaseFacts.firstSeen("C1").reported("e1", at("2026-11-02T09:00"), "610402", "02-01-01",
                "INSPECTOR");
        CaseFacts dispatched = reported.dispatched("e2", TASK);

        assertThat(dispatched.dispatched("e2", TASK)).isSameAs(dispatched);
        assertThat(dispatched.reported("e1", at("2026-11-09T09:00"), "610404", "01-01-01", "HOTLINE"))
                .isSameAs(dispatched);
        assertThat(dispatched.tasks()).hasSize(1);
        assertThat(dispatched.appliedEventIds()).containsExactly("e1", "e2");
    }

    @Test
    void eventsBeforeTheReportCreateTheCaseAndAreKept() {
        CaseFacts facts = CaseFacts.firstSeen("C1")
                .handled("e3", "T1", "district-610402", at("2026-11-02T15:00"), true, at("2026-11-03T09:20"))
                .dispatched("e2", TASK)
                .reported("e1", at("2026-11-02T09:00"), "610402", "02-01-01", "INSPECTOR");

        TaskFacts task = facts.task("T1").orElseThrow();
        assertThat(facts.reportedAt()).isEqualTo(at("2026-11-02T09:00"));
        assertThat(task.unitName()).isEqualTo("秦都区");
        assertThat(task.deadline()).isEqualTo(at("2026-11-03T09:20"));
        assertThat(task.handlings()).containsExactly(new Handling(at("2026-11-02T15:00"), true));
    }

    @Test
    void theLatestDeadlineDecisionWinsWhateverTheArrivalOrder() {
        CaseFacts reworkFirst = CaseFacts.firstSeen("C1")
                .reworkDispatched("e5", "T1", "district-610402", at("2026-11-02T16:30"), at("2026-11-04T16:30"))
                .dispatched("e2", TASK);
        CaseFacts inOrder = CaseFacts.firstSeen("C1")
                .dispatched("e2", TASK)
                .reworkDispatched("e5", "T1", "district-610402", at("2026-11-02T16:30"), at("2026-11-04T16:30"));

        assertThat(reworkFirst.task("T1").orElseThrow().deadline()).isEqualTo(at("2026-11-04T16:30"));
        assertThat(inOrder.task("T1").orElseThrow().deadline()).isEqualTo(at("2026-11-04T16:30"));
    }

    @Test
    void filingOutranksTheReportedDistrictAndCategory() {
        CaseFacts filedFirst = CaseFacts.firstSeen("C1")
                .filed("e2", at("2026-11-02T09:10"), "610404", "02-01-02")
                .reported("e1", at("2026-11-02T09:00"), "610402", "02-01-01", "INSPECTOR");

        assertThat(filedFirst.districtCode()).isEqualTo("610404");
        assertThat(filedFirst.categoryCode()).isEqualTo("02-01-02");
        assertThat(filedFirst.source()).isEqualTo("INSPECTOR");
    }

    @Test
    void handlingsAndReworksAreKeptInBusinessTimeOrder() {
        CaseFacts facts = CaseFacts.firstSeen("C1").dispatched("e2", TASK)
                .handled("e6", "T1", "district-610402", at("2026-11-03T10:00"), true, null)
                .reworkRequired("e4", "T1", "district-610402", at("2026-11-02T16:00"))
                .handled("e3", "T1", "district-610402", at("2026-11-02T15:00"), true, null);

        TaskFacts task = facts.task("T1").orElseThrow();
        assertThat(task.handlings()).extracting(Handling::at)
                .containsExactly(at("2026-11-02T15:00"), at("2026-11-03T10:00"));
        assertThat(task.lastHandlingBefore(at("2026-12-01T00:00")).orElseThrow().at())
                .isEqualTo(at("2026-11-03T10:00"));
        assertThat(task.reopenedBetween(at("2026-11-03T10:00"), at("2026-12-01T00:00"))).isFalse();
    }
}
