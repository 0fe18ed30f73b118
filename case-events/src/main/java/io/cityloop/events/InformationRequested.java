package io.cityloop.events;

/** 补充信息: the operator asks the reporter for more before deciding on filing. */
public record InformationRequested(
        String caseId,
        String question,
        Actor actor) implements CaseEventData {
}
