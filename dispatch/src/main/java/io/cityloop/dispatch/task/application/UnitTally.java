package io.cityloop.dispatch.task.application;

/** How many of a unit's tasks are open, and how many of those are past their deadline (超期). */
public record UnitTally(String unitId, long open, long overdue) {
}
