package io.cityloop.gateway.routing;

import io.cityloop.gateway.platform.RequestBodyLimitFilter;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.timelimiter.TimeLimiterConfig;
import org.springframework.cloud.circuitbreaker.resilience4j.ReactiveResilience4JCircuitBreakerFactory;
import org.springframework.cloud.circuitbreaker.resilience4j.Resilience4JConfigBuilder;
import org.springframework.cloud.client.circuitbreaker.Customizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Gives every route's breaker the timeout of {@code cityloop.gateway.downstream.timeout} (resilience4j's default of
 * one second would cut off slow but healthy calls such as photo uploads) and a short open state, so a service that
 * was restarted is reachable again seconds after it is healthy.
 *
 * <p>Every route has a breaker of its own (application.yml): the anonymous routes, the staff routes and the heavy
 * exports of one service trip separately, so a flood of citizens' requests or one user's exports cannot open the
 * breaker for the inspectors' reports. A breaker counts only the service's failures (no answer, an error, the
 * timeout): the gateway's own refusals (rate limit, bulkhead, body size) are answered before the breaker, and a
 * 4xx or 503 the service answers itself is an answer, not a failure.
 */
@Configuration(proxyBeanMethods = false)
class CircuitBreakerConfiguration {

    @Bean
    Customizer<ReactiveResilience4JCircuitBreakerFactory> downstreamBreakers(DownstreamProperties downstream) {
        TimeLimiterConfig timeLimit = TimeLimiterConfig.custom().timeoutDuration(downstream.timeout()).build();
        CircuitBreakerConfig breaker = CircuitBreakerConfig.custom()
                .slidingWindowSize(Math.max(downstream.minCalls(), 20))
                .minimumNumberOfCalls(downstream.minCalls())
                .failureRateThreshold(50)
                .waitDurationInOpenState(downstream.openFor())
                .permittedNumberOfCallsInHalfOpenState(3)
                .automaticTransitionFromOpenToHalfOpenEnabled(true)
                // A body the caller sent too large is the caller's fault, not the service's.
                .ignoreExceptions(RequestBodyLimitFilter.BodyTooLargeException.class)
                .build();
        return factory -> factory.configureDefault(id -> new Resilience4JConfigBuilder(id)
                .circuitBreakerConfig(breaker)
                .timeLimiterConfig(timeLimit)
                .build());
    }
}
