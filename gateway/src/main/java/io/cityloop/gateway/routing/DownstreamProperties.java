package io.cityloop.gateway.routing;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Limits on waiting for the services behind the gateway.
 *
 * @param timeout how long one routed call may take before the caller gets a 503 instead of a hanging request
 */
@ConfigurationProperties("cityloop.gateway.downstream")
public record DownstreamProperties(@DefaultValue("10s") Duration timeout) {
}
