package io.cityloop.platform.time;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;

/**
 * Simulation mode: business time starts at {@code start} when the real clock reads {@code anchor} and then runs
 * {@code speed} times faster, so a month of city traffic, its deadlines and its month close pass in minutes. Every
 * service started with the same three values agrees on the time without talking to the others.
 */
public final class SimulatedClock extends Clock {

    private final Instant start;
    private final Instant anchor;
    private final double speed;
    private final Clock real;

    public SimulatedClock(Instant start, Instant anchor, double speed, Clock real) {
        if (!(speed > 0) || Double.isInfinite(speed)) {
            throw new IllegalArgumentException("simulation speed must be a positive number, was " + speed);
        }
        this.start = start;
        this.anchor = anchor;
        this.speed = speed;
        this.real = real;
    }

    @Override
    public Instant instant() {
        Duration elapsed = Duration.between(anchor, real.instant());
        return start.plusNanos(Math.round(elapsed.toNanos() * speed));
    }

    @Override
    public ZoneId getZone() {
        return real.getZone();
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return new SimulatedClock(start, anchor, speed, real.withZone(zone));
    }

    public double speed() {
        return speed;
    }
}
