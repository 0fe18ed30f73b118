package io.cityloop.dispatch.task.adapters.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import io.cityloop.dispatch.DispatchIntegrationTestSupport;
import io.cityloop.dispatch.task.adapters.messaging.InboundCaseEvents;
import io.cityloop.dispatch.task.application.Feedback;
import io.cityloop.dispatch.task.application.TaskDispatching;
import io.cityloop.dispatch.task.application.TaskHandling;
import io.cityloop.dispatch.task.application.TaskStore;
import io.cityloop.dispatch.task.application.UnitMember;
import io.cityloop.dispatch.task.model.Task;
import io.cityloop.dispatch.task.model.TaskId;
import io.cityloop.events.Actor;
import io.cityloop.events.CaseEvent;
import io.cityloop.events.CaseFiled;
import io.cityloop.events.Producers;

/**
 * The deadline watch reads the running tasks, not every task ever handled. A handled task keeps {@code warned =
 * false}, {@code overdue = false} and its escalation time; keyed on those alone, the watch's indexes made each sweep
 * read every such task once its times had passed (3,283 documents a sweep late in the year's bench run), and an
 * index on the running statuses alone reads every running task, due or not. Here 300 exposed-garbage tasks of
 * 彬州市 (a district the other tests leave alone) are handled within the hour and one is left running; a month
 * later 300 more are dispatched (running, not yet due), and the sweep must find the one that is due without the
 * query guard (which fails a query reading more than 10 × what it returns + 100 documents) refusing any of its
 * three queries.
 */
class DeadlineWatchCostIntegrationTest extends DispatchIntegrationTestSupport {

    private static final UnitMember BINZHOU = new UnitMember("district-610482", "district-610482", "department");

    @Autowired
    private TaskDispatching dispatching;
    @Autowired
    private TaskHandling handling;
    @Autowired
    private TaskStore store;

    @Test
    void aSweepAMonthLaterReadsTheRunningTaskNotTheHandledOnes() {
        List<String> notDue = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            TaskId task = dispatch(newCaseId("WCH"));
            handling.accept(task, BINZHOU);
            handling.feedBack(task, new Feedback("垃圾已清运", null), BINZHOU);
            notDue.add(task.value());
        }
        TaskId due = dispatch(newCaseId("WCH"));
        clock.set(FRIDAY_1700.plus(Duration.ofDays(30)));
        for (int i = 0; i < 300; i++) {
            notDue.add(dispatch(newCaseId("WCH")).value());
        }

        List<String> watched = store.dueForWatch(clock.instant(), 1_000).stream()
                .map(Task::id).map(TaskId::value).toList();

        assertThat(watched).contains(due.value()).doesNotContainAnyElementsOf(notDue);
    }

    private TaskId dispatch(String caseId) {
        dispatching.onFiled(InboundCaseEvents.filing(CaseEvent.of(Producers.CASE_INTAKE, caseId, 2, clock.instant(),
                new CaseFiled(caseId, "02-01-01", "610482", "6104820010010001", "彬州市城关街道暴露垃圾，符合立案标准",
                        new Actor("operator-li", "operator")))));
        return TaskId.firstOf(caseId);
    }
}
