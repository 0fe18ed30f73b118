package io.cityloop.platform.outbox;

/** A MongoDB collection whose documents carry an {@code outbox} array that the relay must drain. */
public record OutboxCollection(String name) {
}
