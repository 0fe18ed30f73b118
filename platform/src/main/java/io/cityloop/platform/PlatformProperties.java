package io.cityloop.platform;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings shared by every service.
 *
 * @param timeZone the city's zone: month boundaries and office hours are local time
 */
@ConfigurationProperties("cityloop")
public record PlatformProperties(
        @DefaultValue("Asia/Shanghai") String timeZone,
        @DefaultValue Outbox outbox,
        @DefaultValue Consumer consumer) {

    public record Outbox(@DefaultValue("100ms") Duration pollInterval, @DefaultValue("10s") Duration sendTimeout) {
    }

    public record Consumer(@DefaultValue("500") long retryIntervalMillis, @DefaultValue("3") long retries) {
    }
}
