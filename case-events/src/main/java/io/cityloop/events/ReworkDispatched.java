package io.cityloop.events;

import java.time.Instant;

/** The command center reopened the task for rework with a new deadline. */
public record ReworkDispatched(
        String caseId,
        String taskId,
        String unitId,
        Instant deadline,
        int reworkCount,
        Actor actor) implements CaseEventData {
}
