package io.cityloop.events;

import java.time.Instant;

/** 延期申请: the unit asks for more time. */
public record ExtensionRequested(
        String caseId,
        String taskId,
        String unitId,
        Instant requestedDeadline,
        String reason,
        Actor actor) implements CaseEventData {
}
