package io.cityloop.intake.casefile.application;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.stereotype.Component;

/**
 * Limits anonymous reports per client (the gateway's forwarded client address) to a number per sliding hour. Only
 * accepted reports use the allowance: a place is reserved while a report is taken and given back when the report
 * is refused (bad input, a reused key, the database away) or turns out to repeat one already taken, so a citizen
 * who mistyped gets the full allowance. Kept in memory per replica: a citizen spread over several replicas gets a
 * few more, which is acceptable for a nuisance limit.
 */
@Component
public class PublicReportThrottle {

    private static final Duration WINDOW = Duration.ofHours(1);

    private final Map<String, Deque<Instant>> recent = new ConcurrentHashMap<>();
    private final IntakeSettings settings;
    private final Clock clock;

    PublicReportThrottle(IntakeSettings settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
    }

    /** A place taken in the client's allowance; {@link #release(Reservation)} gives it back. */
    public record Reservation(String client, Instant at) {
    }

    /** Reserves a place in the client's allowance; null when the client has none left this hour. */
    public Reservation reserve(String client) {
        Instant now = clock.instant();
        Deque<Instant> times = recent.computeIfAbsent(client, c -> new ArrayDeque<>());
        synchronized (times) {
            expire(times, now);
            if (times.size() >= settings.publicReports().perClientPerHour()) {
                return null;
            }
            times.addLast(now);
            return new Reservation(client, now);
        }
    }

    /** Gives a place back: the report it was reserved for was not taken. */
    public void release(Reservation reservation) {
        Deque<Instant> times = recent.get(reservation.client());
        if (times == null) {
            return;
        }
        synchronized (times) {
            times.removeLastOccurrence(reservation.at());
        }
    }

    /** How long until the client has a place again: when its oldest counted report leaves the hour (≥ 1 s). */
    public Duration retryAfter(String client) {
        Deque<Instant> times = recent.get(client);
        if (times == null) {
            return Duration.ofSeconds(1);
        }
        Instant now = clock.instant();
        synchronized (times) {
            expire(times, now);
            if (times.size() < settings.publicReports().perClientPerHour() || times.isEmpty()) {
                return Duration.ofSeconds(1);
            }
            Duration left = Duration.between(now, times.peekFirst().plus(WINDOW));
            long seconds = Math.max(1, (left.toMillis() + 999) / 1000);
            return Duration.ofSeconds(seconds);
        }
    }

    private static void expire(Deque<Instant> times, Instant now) {
        while (!times.isEmpty() && !times.peekFirst().isAfter(now.minus(WINDOW))) {
            times.pollFirst();
        }
    }
}
