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
 * @param mongo       how long a request waits for MongoDB before it is answered 503 (see {@link Mongo})
 */
@ConfigurationProperties("cityloop")
public record PlatformProperties(
        @DefaultValue("Asia/Shanghai") String timeZone,
        @DefaultValue Outbox outbox,
        @DefaultValue Consumer consumer,
        ClockSettings clock,
        @DefaultValue List<String> publicPaths,
        @DefaultValue Mongo mongo) {

    /**
     * How the outbox relay publishes: documents named by their store at once, and a sweep for leftovers every
     * {@code sweepInterval}.
     */
    public record Outbox(@DefaultValue("1s") Duration sweepInterval, @DefaultValue("10s") Duration sendTimeout) {
    }

    /**
     * Bounded retries for a record whose handling fails on the data; a record that fails because MongoDB is
     * unreachable is retried every {@code unavailableRetryInterval} until it succeeds, never dead-lettered.
     */
    public record Consumer(@DefaultValue("500") long retryIntervalMillis, @DefaultValue("3") long retries,
                           @DefaultValue("2s") Duration unavailableRetryInterval) {
    }

    /**
     * MongoDB client timeouts, all below the gateway's downstream timeout (10 s), so that while the database is
     * away the service answers 503 itself and a request the client was told failed did not go on to change
     * anything. The driver's defaults (30 s to select a server, no read timeout) outlast the gateway. Options
     * written in the connection string win over these. {@code versionedUpdateIndex} is for the embedded server
     * only (see {@code VersionedUpdateIndexes}).
     */
    public record Mongo(@DefaultValue("2s") Duration serverSelectionTimeout,
                        @DefaultValue("2s") Duration connectTimeout,
                        @DefaultValue("8s") Duration readTimeout,
                        @DefaultValue("false") boolean versionedUpdateIndex) {
    }
}
