package io.cityloop.dispatch.task.model;

import java.time.Instant;

/**
 * 延期申请 awaiting the dispatcher: how much working time the unit asks for, and the deadline that would give on
 * the calendar at the time of asking.
 */
public record ExtensionRequest(Instant requestedAt, long additionalSeconds, Instant requestedDeadline,
                               String reason, String requestedBy) {
}
