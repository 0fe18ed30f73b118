package io.cityloop.dispatch.calendar.application;

import java.time.Instant;

/** An open task whose deadline a calendar edit moved. */
public record MovedDeadline(String taskId, String caseId, String unitId, Instant from, Instant to) {
}
