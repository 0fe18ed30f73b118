package io.cityloop.gateway.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;

class SignInThrottleTest {

    private final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-12-03T02:00:00Z"));
    private final Clock clock = new Clock() {
        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now.get();
        }
    };
    private final SignInThrottle throttle = new SignInThrottle(3, 5, Duration.ofMinutes(15), clock);

    @Test
    void anAccountIsRefusedAfterItsFailuresEvenWithTheRightPasswordUntilTheWindowPasses() {
        for (int i = 0; i < 3; i++) {
            throttle.failed(allowed("admin", "198.51.100.1"));
        }
        SignInThrottle.Decision next = throttle.tryAttempt("admin", "198.51.100.2");
        assertThat(next).isInstanceOf(SignInThrottle.Refused.class);
        assertThat(((SignInThrottle.Refused) next).retryAfter()).isEqualTo(Duration.ofMinutes(15));

        now.set(now.get().plus(Duration.ofMinutes(15)));
        assertThat(throttle.tryAttempt("admin", "198.51.100.2")).isInstanceOf(SignInThrottle.Allowed.class);
    }

    @Test
    void aCallerGuessingAcrossAccountsIsRefusedButSuccessesNeverCount() {
        for (int i = 0; i < 20; i++) {
            throttle.succeeded(allowed("operator", "203.0.113.9"));
        }
        for (int i = 0; i < 5; i++) {
            throttle.failed(allowed("dept-" + i, "203.0.113.9"));
        }
        assertThat(throttle.tryAttempt("dept-9", "203.0.113.9")).isInstanceOf(SignInThrottle.Refused.class);
        assertThat(throttle.tryAttempt("dept-9", "203.0.113.10")).isInstanceOf(SignInThrottle.Allowed.class);
    }

    @Test
    void aSuccessClearsTheAccountsFailures() {
        throttle.failed(allowed("Inspector", "198.51.100.1"));
        throttle.failed(allowed("inspector", "198.51.100.1"));
        throttle.succeeded(allowed("inspector", "198.51.100.1"));
        throttle.failed(allowed("inspector", "198.51.100.1"));
        throttle.failed(allowed("inspector", "198.51.100.1"));
        assertThat(throttle.tryAttempt("inspector", "198.51.100.1")).isInstanceOf(SignInThrottle.Allowed.class);
    }

    private SignInThrottle.Attempt allowed(String username, String client) {
        SignInThrottle.Decision decision = throttle.tryAttempt(username, client);
        assertThat(decision).isInstanceOf(SignInThrottle.Allowed.class);
        return ((SignInThrottle.Allowed) decision).attempt();
    }
}
