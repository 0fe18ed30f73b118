package io.cityloop.events;

/** 签收: the handling unit took the task. */
public record TaskAccepted(
        String caseId,
        String taskId,
        String unitId,
        Actor actor) implements CaseEventData {
}
