package io.cityloop.dispatch.task.application;

import io.cityloop.dispatch.task.model.Performer;
import io.cityloop.dispatch.task.model.TaskId;

/**
 * 返工 as the command center receives it: the failed on-site check's task, who checked and why it failed; the
 * request's event id makes a redelivery a no-op.
 */
public record ReworkRequest(String eventId, TaskId taskId, Performer requestedBy, String reason) {
}
