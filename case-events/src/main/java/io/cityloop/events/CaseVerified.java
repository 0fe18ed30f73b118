package io.cityloop.events;

/** The on-site check passed; the case may be closed. A failed check is {@link ReworkRequired}. */
public record CaseVerified(
        String caseId,
        String taskId,
        String result,
        String note,
        Actor actor) implements CaseEventData {
}
