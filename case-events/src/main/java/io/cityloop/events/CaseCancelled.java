package io.cityloop.events;

/** 作废: cancelled before dispatch by a shift lead, with a reason. */
public record CaseCancelled(
        String caseId,
        String reason,
        Actor actor) implements CaseEventData {
}
