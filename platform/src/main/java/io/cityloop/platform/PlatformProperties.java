package io.cityloop.platform;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import io.cityloop.platform.time.ClockSettings;

/**
 * Settings shared by every service.
 *
 * @param timeZone the city's zone: month boundaries and office hours are local time
 * @param clock       the system clock, or simulation mode (see {@link ClockSettings})
 * @param publicPaths request paths a service serves without a token (e.g. citizens' reports); empty by default
 */
@ConfigurationProperties("cityloop")
public record PlatformProperties(
        @DefaultValue("Asia/Shanghai") String timeZone,
        @DefaultValue Outbox outbox,
        @DefaultValue Consumer consumer,
        ClockSettings clock,
        @DefaultValue List<String> publicPaths) {

    public record Outbox(@DefaultValue("100ms") Duration pollInterval, @DefaultValue("10s") Duration sendTimeout) {
    }

    public record Consumer(@DefaultValue("500") long retryIntervalMillis, @DefaultValue("3") long retries) {
    }
}
