package io.cityloop.dispatch.task.model;

import java.time.Instant;

/** 挂账申请: the unit's request to stop the clock, waiting for the dispatcher's approval. */
public record SuspensionRequest(Instant requestedAt, String reason, String requestedBy) {
}
