package io.cityloop.dispatch.task.model;

import java.util.EnumSet;
import java.util.Set;

/** Where a task (任务) stands in the command center; the only place that knows which moves are allowed. */
public enum TaskStatus {

    /** 已派遣: the task was sent to the handling unit and waits for it to sign. */
    DISPATCHED,
    /** 已签收: the unit signed for the task and is handling it. */
    ACCEPTED,
    /** 已反馈: the unit reported the problem handled; the supervision center checks it on site. */
    HANDLED,
    /** 返工: the on-site check failed and the task went back to the same unit with a new deadline. */
    REWORK;

    /** The statuses a task in this status may move to. */
    public Set<TaskStatus> next() {
        return switch (this) {
            case DISPATCHED -> EnumSet.of(ACCEPTED);
            // A reworked task is already owned by the unit, so it feeds back without signing again.
            case ACCEPTED, REWORK -> EnumSet.of(HANDLED);
            case HANDLED -> EnumSet.of(REWORK);
        };
    }

    public boolean canMoveTo(TaskStatus target) {
        return next().contains(target);
    }

    /** The unit still owes a result: the deadline is running. */
    public boolean isOpen() {
        return this != HANDLED;
    }
}
