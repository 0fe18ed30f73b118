package io.cityloop.events;

/** 挂账/缓办: the deadline clock stops until the task is resumed. */
public record TaskSuspended(
        String caseId,
        String taskId,
        String unitId,
        String reason,
        Actor actor) implements CaseEventData {
}
