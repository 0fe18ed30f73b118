package io.cityloop.notification.delivery.model;

import java.time.Duration;
import java.time.LocalTime;

/**
 * 免打扰: a daily period in the city's local time, e.g. 22:00–07:00 (it may wrap midnight), during which only urgent
 * notices are sent; the others wait until it ends.
 */
public record QuietHours(LocalTime from, LocalTime to) {

    public QuietHours {
        if (from == null || to == null || from.equals(to)) {
            throw new IllegalArgumentException("quiet hours need two different times");
        }
    }

    public boolean contains(LocalTime time) {
        if (from.isBefore(to)) {
            return !time.isBefore(from) && time.isBefore(to);
        }
        return !time.isBefore(from) || time.isBefore(to);
    }

    /** How long from {@code time} until the quiet period ends; zero outside it. */
    public Duration remainingAt(LocalTime time) {
        if (!contains(time)) {
            return Duration.ZERO;
        }
        Duration until = Duration.between(time, to);
        return until.isNegative() ? until.plusDays(1) : until;
    }
}
