package io.cityloop.gateway.routing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;
import org.springframework.cloud.gateway.filter.ratelimit.RateLimiter;

class LocalRateLimiterTest {

    @Test
    void aCallerGetsItsBurstThenRetryAfterWhileOthersKeepTheirs() {
        LocalRateLimiter limiter = new LocalRateLimiter(null,
                Clock.fixed(Instant.parse("2026-12-03T02:00:00Z"), ZoneOffset.UTC),
                new LocalRateLimiter.Config().setReplenishRate(0.5).setBurstCapacity(3));

        for (int i = 0; i < 3; i++) {
            assertThat(limiter.isAllowed("case-intake-public", "198.51.100.1").block().isAllowed()).isTrue();
        }
        RateLimiter.Response refused = limiter.isAllowed("case-intake-public", "198.51.100.1").block();
        assertThat(refused.isAllowed()).isFalse();
        assertThat(refused.getHeaders()).containsEntry("Retry-After", "2");
        assertThat(limiter.isAllowed("case-intake-public", "198.51.100.2").block().isAllowed()).isTrue();
    }
}
