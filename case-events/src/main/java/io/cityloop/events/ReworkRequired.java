package io.cityloop.events;

/** 返工: the on-site check failed; the task goes back to the same unit. */
public record ReworkRequired(
        String caseId,
        String taskId,
        String unitId,
        String reason,
        Actor actor) implements CaseEventData {
}
