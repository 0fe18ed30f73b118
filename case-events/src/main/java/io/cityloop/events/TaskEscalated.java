package io.cityloop.events;

/** 督办: the task is escalated to {@code level} (1, 2, …), automatically when long overdue or by a supervisor. */
public record TaskEscalated(
        String caseId,
        String taskId,
        String unitId,
        int level,
        String reason,
        Actor actor) implements CaseEventData {
}
