package io.cityloop.dispatch.task.model;

import static io.cityloop.dispatch.task.model.TaskStatus.ACCEPTED;
import static io.cityloop.dispatch.task.model.TaskStatus.DISPATCHED;
import static io.cityloop.dispatch.task.model.TaskStatus.EXTENSION_REQUESTED;
import static io.cityloop.dispatch.task.model.TaskStatus.HANDLED;
import static io.cityloop.dispatch.task.model.TaskStatus.RETURNED;
import static io.cityloop.dispatch.task.model.TaskStatus.REWORK;
import static io.cityloop.dispatch.task.model.TaskStatus.SUSPENDED;
import static io.cityloop.dispatch.task.model.TaskStatus.SUSPENSION_REQUESTED;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TaskStatusTest {

    @Test
    void allowedEdgesAreExactlyTheLoopWithItsSidePaths() {
        assertThat(DISPATCHED.next()).containsExactlyInAnyOrder(ACCEPTED, RETURNED);
        assertThat(ACCEPTED.next()).containsExactlyInAnyOrder(HANDLED, RETURNED, EXTENSION_REQUESTED, SUSPENDED,
                SUSPENSION_REQUESTED);
        assertThat(HANDLED.next()).containsExactly(REWORK);
        assertThat(REWORK.next()).containsExactlyInAnyOrder(HANDLED, EXTENSION_REQUESTED, SUSPENDED,
                SUSPENSION_REQUESTED);
        assertThat(RETURNED.next()).isEmpty();
        assertThat(EXTENSION_REQUESTED.next()).containsExactlyInAnyOrder(ACCEPTED, REWORK);
        assertThat(SUSPENDED.next()).containsExactlyInAnyOrder(ACCEPTED, REWORK, RETURNED);
        assertThat(SUSPENSION_REQUESTED.next()).containsExactlyInAnyOrder(ACCEPTED, REWORK, SUSPENDED);
    }

    @Test
    void handledAndReturnedTasksAreNoLongerTheUnitsToDo() {
        assertThat(HANDLED.isOpen()).isFalse();
        assertThat(RETURNED.isOpen()).isFalse();
        assertThat(DISPATCHED.isOpen()).isTrue();
        assertThat(ACCEPTED.isOpen()).isTrue();
        assertThat(REWORK.isOpen()).isTrue();
        assertThat(EXTENSION_REQUESTED.isOpen()).isTrue();
        assertThat(SUSPENDED.isOpen()).isTrue();
    }

    @Test
    void theClockStopsOnlyWhileSuspended() {
        assertThat(SUSPENDED.isClockRunning()).isFalse();
        assertThat(EXTENSION_REQUESTED.isClockRunning()).isTrue();
        assertThat(SUSPENSION_REQUESTED.isClockRunning()).isTrue();
        assertThat(SUSPENSION_REQUESTED.isOpen()).isTrue();
        assertThat(HANDLED.isClockRunning()).isFalse();
    }

    @Test
    void taskIdDerivesFromTheCaseAndCountsRedispatches() {
        TaskId first = TaskId.firstOf("QD-202609-0042");
        assertThat(first.value()).isEqualTo("TQD-202609-0042-01");
        assertThat(first.number()).isEqualTo(1);
        assertThat(first.next("QD-202609-0042").value()).isEqualTo("TQD-202609-0042-02");
        assertThat(TaskId.of("QD-202609-0042", 12).value()).isEqualTo("TQD-202609-0042-12");
    }
}
