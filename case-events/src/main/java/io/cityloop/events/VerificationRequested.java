package io.cityloop.events;

import java.time.Instant;

/** 核查: an inspector responsible for the case's grid is asked to check the result on site. */
public record VerificationRequested(
        String caseId,
        String taskId,
        String assignee,
        String gridCode,
        Instant dueBy,
        Actor actor) implements CaseEventData {
}
