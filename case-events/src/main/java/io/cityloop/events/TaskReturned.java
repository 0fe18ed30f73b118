package io.cityloop.events;

/** 回退: the unit says the task is not theirs; it goes back to the dispatch queue. */
public record TaskReturned(
        String caseId,
        String taskId,
        String unitId,
        String reason,
        Actor actor) implements CaseEventData {
}
