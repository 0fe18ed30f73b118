package io.cityloop.dispatch.task.model;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TaskStatusTest {

    @Test
    void allowedEdgesAreExactlyTheLoop() {
        assertThat(TaskStatus.DISPATCHED.next()).containsExactly(TaskStatus.ACCEPTED);
        assertThat(TaskStatus.ACCEPTED.next()).containsExactly(TaskStatus.HANDLED);
        assertThat(TaskStatus.HANDLED.next()).containsExactly(TaskStatus.REWORK);
        assertThat(TaskStatus.REWORK.next()).containsExactly(TaskStatus.HANDLED);
    }

    @Test
    void onlyAHandledTaskIsClosedForTheUnit() {
        assertThat(TaskStatus.HANDLED.isOpen()).isFalse();
        assertThat(TaskStatus.DISPATCHED.isOpen()).isTrue();
        assertThat(TaskStatus.ACCEPTED.isOpen()).isTrue();
        assertThat(TaskStatus.REWORK.isOpen()).isTrue();
    }

    @Test
    void taskIdDerivesFromTheCase() {
        assertThat(TaskId.firstOf("QD-202609-0042").value()).isEqualTo("TQD-202609-0042-01");
        assertThat(TaskId.of("QD-202609-0042", 12).value()).isEqualTo("TQD-202609-0042-12");
    }
}
