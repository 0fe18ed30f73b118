package io.cityloop.dispatch.task.model;

import java.time.Instant;

/**
 * What happened to a task, in the task's own words. The application turns these into case events; the model never
 * sees the wire format.
 */
public sealed interface TaskEvent {

    /** The task's event counter at this event; it becomes the event's sequence and part of its id. */
    long sequence();

    Instant at();

    Performer by();

    /** 派遣. */
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
}
