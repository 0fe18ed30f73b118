package io.cityloop.dispatch.task.application;

import java.util.Map;

import io.cityloop.dispatch.task.model.TaskStatus;

/** A unit's dashboard (或 the whole city's when {@code unitId} is null): tasks per status and the alarms. */
public record StatusCounts(String unitId, Map<TaskStatus, Long> byStatus, long open, long warned, long overdue,
                           long escalated) {
}
