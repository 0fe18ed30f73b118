package io.cityloop.dispatch.task.model;

import java.time.Instant;

/** One stretch during which the deadline clock stood still (挂账); {@code to} is {@code null} while it lasts. */
public record Suspension(Instant from, Instant to) {

    public boolean isOpen() {
        return to == null;
    }

    Suspension endedAt(Instant end) {
        return new Suspension(from, end);
    }
}
