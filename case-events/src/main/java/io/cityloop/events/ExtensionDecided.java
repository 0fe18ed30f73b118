package io.cityloop.events;

import java.time.Instant;

/** 延期审批: approved moves the deadline to {@code deadline}; rejected leaves the old one standing. */
public record ExtensionDecided(
        String caseId,
        String taskId,
        String unitId,
        boolean approved,
        Instant deadline,
        String reason,
        Actor actor) implements CaseEventData {
}
