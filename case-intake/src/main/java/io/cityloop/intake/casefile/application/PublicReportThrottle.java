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
 * Limits anonymous reports per client (the gateway's forwarded client address) to a number per sliding hour. Kept
 * in memory per replica: a citizen spread over several replicas gets a few more, which is acceptable for a
 * nuisance limit.
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

    /** Records an attempt and answers whether it is within the limit. */
    public boolean tryAcquire(String client) {
        Instant now = clock.instant();
        Deque<Instant> times = recent.computeIfAbsent(client, c -> new ArrayDeque<>());
        synchronized (times) {
            while (!times.isEmpty() && !times.peekFirst().isAfter(now.minus(WINDOW))) {
                times.pollFirst();
            }
            if (times.size() >= settings.publicReports().perClientPerHour()) {
                return false;
            }
            times.addLast(now);
            return true;
        }
    }
}
