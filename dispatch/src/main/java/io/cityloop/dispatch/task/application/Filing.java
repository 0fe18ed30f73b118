package io.cityloop.dispatch.task.application;

import java.time.Instant;

import io.cityloop.dispatch.task.model.FiledCase;

/**
 * 立案 as the command center receives it: the filed case, and the filing event's id (a redelivered filing names the
 * same one) and time.
 *
 * @param componentOwner the owner unit of the component (部件) concerned, for owner rules; {@code null} when none
 */
public record Filing(String eventId, Instant filedAt, FiledCase filedCase, String componentOwner) {
}
