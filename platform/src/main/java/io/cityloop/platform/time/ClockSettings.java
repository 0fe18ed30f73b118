package io.cityloop.platform.time;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;

/**
 * {@code cityloop.clock.*}: {@code mode} is {@code system} (default) or {@code simulated}; in simulation mode
 * {@code start} is the business time at the real instant {@code anchor} (default: when the service started) and
 * {@code speed} how many business seconds pass per real second.
 */
public record ClockSettings(String mode, Instant start, Instant anchor, Double speed) {

    public Clock clock(ZoneId zone, Clock real) {
        if (mode == null || mode.isBlank() || "system".equalsIgnoreCase(mode)) {
            return real.withZone(zone);
        }
        if (!"simulated".equalsIgnoreCase(mode)) {
            throw new IllegalArgumentException("cityloop.clock.mode must be 'system' or 'simulated', was '" + mode + "'");
        }
        if (start == null) {
            throw new IllegalArgumentException("cityloop.clock.start is required in simulation mode");
        }
        return new SimulatedClock(start, anchor == null ? real.instant() : anchor, speed == null ? 1.0 : speed,
                real.withZone(zone));
    }
}
