package io.cityloop.bench.city;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/** The business time every service reads in simulation mode: start + (real now − anchor) × speed. */
public record BusinessClock(Instant start, Instant anchor, double speed) {

    public Instant now() {
        long realMillis = Duration.between(anchor, Clock.systemUTC().instant()).toMillis();
        return start.plusMillis((long) (realMillis * speed));
    }
}
