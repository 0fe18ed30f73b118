package io.cityloop.events;

import java.time.Instant;

/** 红灯: the task passed its deadline without feedback. */
public record TaskOverdue(
        String caseId,
        String taskId,
        String unitId,
        Instant deadline,
        Actor actor) implements CaseEventData {
}
