package io.cityloop.events;

import java.time.Instant;

/** The clock runs again; {@code deadline} is the old one moved by the working time spent suspended. */
public record TaskResumed(
        String caseId,
        String taskId,
        String unitId,
        Instant deadline,
        Actor actor) implements CaseEventData {
}
