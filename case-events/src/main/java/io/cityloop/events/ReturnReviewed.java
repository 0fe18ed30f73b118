package io.cityloop.events;

/**
 * The dispatcher's judgement of a return: {@code justified} means a routing error, which does not count against
 * the unit.
 */
public record ReturnReviewed(
        String caseId,
        String taskId,
        String unitId,
        boolean justified,
        String reason,
        Actor actor) implements CaseEventData {
}
