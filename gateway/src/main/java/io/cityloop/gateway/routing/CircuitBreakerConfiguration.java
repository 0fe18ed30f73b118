package io.cityloop.gateway.routing;

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
                .build();
        return factory -> factory.configureDefault(id -> new Resilience4JConfigBuilder(id)
                .circuitBreakerConfig(breaker)
                .timeLimiterConfig(timeLimit)
                .build());
    }
}
