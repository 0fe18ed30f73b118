package io.cityloop.events;

import java.time.Instant;

/**
 * The deadline of an open task moved without a decision on the task itself, e.g. because the working calendar was
 * edited and the task's clock was laid onto the new version.
 */
public record DeadlineMoved(
        String caseId,
        String taskId,
        String unitId,
        Instant previousDeadline,
        Instant deadline,
        String reason,
        Actor actor) implements CaseEventData {
}
