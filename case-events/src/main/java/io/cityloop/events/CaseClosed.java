package io.cityloop.events;

/** 结案: the case is closed; {@code taskId} names the task whose result was accepted. */
public record CaseClosed(
        String caseId,
        String taskId,
        Actor actor) implements CaseEventData {
}
