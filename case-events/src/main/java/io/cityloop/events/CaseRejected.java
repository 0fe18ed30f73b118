package io.cityloop.events;

/** 不予立案: the report was not filed; the reason is coded. */
public record CaseRejected(
        String caseId,
        String reasonCode,
        String reason,
        Actor actor) implements CaseEventData {
}
