package io.cityloop.gateway.routing;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Limits on waiting for the services behind the gateway.
 *
 * @param timeout   how long one routed call may take before the caller gets a 503 instead of a hanging request
 * @param openFor   how long a tripped breaker answers 503 at once before it lets trial calls through; short, because
 *                  a restarted service is healthy again within seconds and resilience4j's default is a minute
 * @param minCalls  calls in the sliding window before the failure rate can trip the breaker
 */
@ConfigurationProperties("cityloop.gateway.downstream")
public record DownstreamProperties(
        @DefaultValue("10s") Duration timeout,
        @DefaultValue("5s") Duration openFor,
        @DefaultValue("10") int minCalls) {
}
