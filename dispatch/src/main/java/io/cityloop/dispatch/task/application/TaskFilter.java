package io.cityloop.dispatch.task.application;

import io.cityloop.dispatch.task.model.TaskStatus;

/**
 * Which tasks to list.
 *
 * @param unitId {@code null} for every unit
 * @param status {@code null} for every status
 */
public record TaskFilter(String unitId, TaskStatus status, int limit) {
}
