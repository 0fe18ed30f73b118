package io.cityloop.dispatch.task.model;

import java.time.Instant;

/**
 * What happened to a task, in the task's own words. The task store's outbox turns these into case events; neither
 * the model nor the application sees the wire format.
 */
public sealed interface TaskEvent {

    /** The task's event counter at this event; it becomes the event's sequence and part of its id. */
    long sequence();

    Instant at();

    Performer by();

    /** 派遣, automatic or by a dispatcher. */
    record Dispatched(long sequence, Instant at, Performer by, Instant deadline) implements TaskEvent {
    }

    /** 签收. */
    record Accepted(long sequence, Instant at, Performer by) implements TaskEvent {
    }

    /** 处理反馈. */
    record Handled(long sequence, Instant at, Performer by, String note, String photoRef, Instant deadline,
                   boolean onTime) implements TaskEvent {
    }

    /** 返工派遣: sent back to the same unit after a failed check. */
    record ReworkDispatched(long sequence, Instant at, Performer by, Instant deadline, int reworkCount)
            implements TaskEvent {
    }

    /** 回退. */
    record Returned(long sequence, Instant at, Performer by, String reason) implements TaskEvent {
    }

    /** 回退审核: {@code justified} = routing error, not counted against the unit. */
    record ReturnReviewed(long sequence, Instant at, Performer by, boolean justified, String reason)
            implements TaskEvent {
    }

    /** 延期申请. */
    record ExtensionRequested(long sequence, Instant at, Performer by, Instant requestedDeadline, String reason)
            implements TaskEvent {
    }

    /** 延期审批; {@code deadline} is the one that now stands. */
    record ExtensionDecided(long sequence, Instant at, Performer by, boolean approved, Instant deadline,
                            String reason) implements TaskEvent {
    }

    /** 挂账/缓办. */
    record Suspended(long sequence, Instant at, Performer by, String reason) implements TaskEvent {
    }

    /** The clock runs again, with the deadline moved by the working time spent suspended. */
    record Resumed(long sequence, Instant at, Performer by, Instant deadline) implements TaskEvent {
    }

    /** 黄灯. */
    record Warned(long sequence, Instant at, Performer by, Instant deadline) implements TaskEvent {
    }

    /** 红灯. */
    record WentOverdue(long sequence, Instant at, Performer by, Instant deadline) implements TaskEvent {
    }

    /** The deadline moved without a decision on the task, e.g. a calendar edit re-projected it. */
    record DeadlineMoved(long sequence, Instant at, Performer by, Instant previousDeadline, Instant deadline,
                         String reason) implements TaskEvent {
    }

    /** 督办 to {@code level}. */
    record Escalated(long sequence, Instant at, Performer by, int level, String reason) implements TaskEvent {
    }
}
