package io.cityloop.dispatch.task.model;

import java.util.EnumSet;
import java.util.Set;

/** Where a task (任务) stands in the command center; the only place that knows which moves are allowed. */
public enum TaskStatus {

    /** 已派遣: the task was sent to the handling unit and waits for it to sign or to return it. */
    DISPATCHED,
    /** 已签收: the unit signed for the task and is handling it. */
    ACCEPTED,
    /** 已反馈: the unit reported the problem handled; the supervision center checks it on site. */
    HANDLED,
    /** 返工: the on-site check failed and the task went back to the same unit with a new deadline. */
    REWORK,
    /**
     * 已回退: the unit said the task is not theirs. This task ends here; the dispatcher judges the return and
     * dispatches the case again as a new task.
     */
    RETURNED,
    /** 延期申请中: the unit asked for more time; the deadline keeps running until the dispatcher decides. */
    EXTENSION_REQUESTED,
    /** 挂账/缓办: the dispatcher stopped the deadline clock, e.g. until budget or works are available. */
    SUSPENDED,
    /**
     * 挂账申请中: the unit asked the dispatcher to suspend the task; the clock keeps running until the dispatcher
     * approves (then SUSPENDED) or rejects (back to the prior status).
     */
    SUSPENSION_REQUESTED;

    /** The statuses a task in this status may move to. */
    public Set<TaskStatus> next() {
        return switch (this) {
            case DISPATCHED -> EnumSet.of(ACCEPTED, RETURNED);
            case ACCEPTED -> EnumSet.of(HANDLED, RETURNED, EXTENSION_REQUESTED, SUSPENDED, SUSPENSION_REQUESTED);
            // A reworked task is already owned by the unit, so it feeds back without signing again and cannot
            // be returned: the unit handled it once.
            case REWORK -> EnumSet.of(HANDLED, EXTENSION_REQUESTED, SUSPENDED, SUSPENSION_REQUESTED);
            case HANDLED -> EnumSet.of(REWORK);
            case RETURNED -> EnumSet.noneOf(TaskStatus.class);
            // A decision or a resumption goes back to the status the task had before; the task remembers which.
            case EXTENSION_REQUESTED -> EnumSet.of(ACCEPTED, REWORK);
            // RETURNED only by a dispatcher's reassignment (改派) of a suspended task; the unit cannot return it.
            case SUSPENDED -> EnumSet.of(ACCEPTED, REWORK, RETURNED);
            case SUSPENSION_REQUESTED -> EnumSet.of(ACCEPTED, REWORK, SUSPENDED);
        };
    }

    public boolean canMoveTo(TaskStatus target) {
        return next().contains(target);
    }

    /** The unit still owes a result. */
    public boolean isOpen() {
        return this != HANDLED && this != RETURNED;
    }

    /** The deadline clock runs: open and not suspended. Only these tasks are watched for 黄灯 and 红灯. */
    public boolean isClockRunning() {
        return isOpen() && this != SUSPENDED;
    }
}
