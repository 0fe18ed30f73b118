package io.cityloop.events;

/** A shift lead undid a merge; the report is a case of its own again, waiting for filing. */
public record CaseUnmerged(
        String caseId,
        String masterCaseId,
        String reason,
        Actor actor) implements CaseEventData {
}
