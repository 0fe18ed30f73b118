package io.cityloop.dispatch.task.model;

import java.time.Instant;

/**
 * One line of the task's timeline, kept for audit and for the case's history view.
 *
 * @param fromStatus {@code null} for the entry that created the task
 */
public record TaskHistoryEntry(Instant at, String type, TaskStatus fromStatus, TaskStatus toStatus, String actor,
                               String role, String reason) {
}
