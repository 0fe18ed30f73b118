package io.cityloop.events;

/** 合并: a duplicate report is merged into an open master case; it never counts twice. */
public record CaseMerged(
        String caseId,
        String masterCaseId,
        String reason,
        Actor actor) implements CaseEventData {
}
