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
 * @param http        how much of a request body a service reads (see {@link Http})
 * @param edge        what proves a request came through the gateway (see {@link Edge})
 * @param auth        what a token must say besides its signature (see {@link Auth})
 */
@ConfigurationProperties("cityloop")
public record PlatformProperties(
        @DefaultValue("Asia/Shanghai") String timeZone,
        @DefaultValue Outbox outbox,
        @DefaultValue Consumer consumer,
        ClockSettings clock,
        @DefaultValue List<String> publicPaths,
        @DefaultValue Mongo mongo,
        @DefaultValue Http http,
        @DefaultValue Edge edge,
        @DefaultValue Auth auth) {

    /**
     * Request body caps, enforced while the body is read, before anything parses it: {@code maxBody} for JSON and
     * every other non-multipart body, {@code maxMultipartBody} for uploads (photos are at most 10 MB each).
     */
    public record Http(@DefaultValue("1MB") org.springframework.util.unit.DataSize maxBody,
                       @DefaultValue("13MB") org.springframework.util.unit.DataSize maxMultipartBody) {
    }

    /**
     * The secret the gateway sends in {@code X-CityLoop-Edge}; only a request carrying it may say who the caller
     * is in {@code X-CityLoop-Client}. Blank: the header is never believed.
     */
    public record Edge(String secret) {
    }

    /**
     * Every token must be issued by {@code issuer} for {@code audience}, on top of a valid signature and lifetime
     * (Spring's resource server checks those). Set both to the identity provider's values in a real deployment.
     */
    public record Auth(@DefaultValue("http://localhost:8080") String issuer,
                       @DefaultValue("cityloop") String audience) {
    }

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
