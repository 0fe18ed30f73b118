package io.cityloop.dispatch.task.adapters.persistence;

import java.time.Instant;

import io.cityloop.dispatch.task.model.TaskStatus;

/** One stored timeline entry of a task. */
public record TaskHistoryDocument(Instant at, String type, TaskStatus fromStatus, TaskStatus toStatus, String actor,
                                  String role, String reason) {
}
