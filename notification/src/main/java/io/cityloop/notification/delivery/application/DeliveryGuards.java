package io.cityloop.notification.delivery.application;

import org.springframework.stereotype.Component;

import io.cityloop.notification.delivery.model.Channel;
import io.github.resilience4j.bulkhead.Bulkhead;
import io.github.resilience4j.bulkhead.BulkheadConfig;
import io.github.resilience4j.bulkhead.BulkheadRegistry;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.micrometer.tagged.TaggedBulkheadMetrics;
import io.github.resilience4j.micrometer.tagged.TaggedCircuitBreakerMetrics;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * A resilience4j circuit breaker and a (non-waiting) semaphore bulkhead per channel ({@code channel:SMS}) and per
 * endpoint ({@code endpoint:WEBHOOK:https://…}): a dead SMS provider opens only SMS's breakers and holds at most its
 * own bulkhead's permits, never WeCom's. Their state is in {@code resilience4j_circuitbreaker_state{name,state}} and
 * {@code resilience4j_bulkhead_available_concurrent_calls{name}}.
 */
@Component
public class DeliveryGuards {

    static final String CHANNEL_CONFIG = "channel";
    static final String ENDPOINT_CONFIG = "endpoint";

    private final CircuitBreakerRegistry breakers;
    private final BulkheadRegistry bulkheads;

    public DeliveryGuards(DeliveryProperties properties, MeterRegistry meters) {
        breakers = CircuitBreakerRegistry.ofDefaults();
        breakers.addConfiguration(CHANNEL_CONFIG, breaker(properties.getChannelBreaker()));
        breakers.addConfiguration(ENDPOINT_CONFIG, breaker(properties.getEndpointBreaker()));
        bulkheads = BulkheadRegistry.ofDefaults();
        bulkheads.addConfiguration(CHANNEL_CONFIG, bulkhead(properties.getChannelConcurrency()));
        bulkheads.addConfiguration(ENDPOINT_CONFIG, bulkhead(properties.getEndpointConcurrency()));
        TaggedCircuitBreakerMetrics.ofCircuitBreakerRegistry(breakers).bindTo(meters);
        TaggedBulkheadMetrics.ofBulkheadRegistry(bulkheads).bindTo(meters);
    }

    public CircuitBreaker channelBreaker(Channel channel) {
        return breakers.circuitBreaker("channel:" + channel.name(), CHANNEL_CONFIG);
    }

    public CircuitBreaker endpointBreaker(Channel channel, String endpointKey) {
        return breakers.circuitBreaker("endpoint:" + channel.name() + ":" + endpointKey, ENDPOINT_CONFIG);
    }

    public Bulkhead channelBulkhead(Channel channel) {
        return bulkheads.bulkhead("channel:" + channel.name(), CHANNEL_CONFIG);
    }

    public Bulkhead endpointBulkhead(Channel channel, String endpointKey) {
        return bulkheads.bulkhead("endpoint:" + channel.name() + ":" + endpointKey, ENDPOINT_CONFIG);
    }

    public CircuitBreakerRegistry breakers() {
        return breakers;
    }

    private static CircuitBreakerConfig breaker(DeliveryProperties.Breaker settings) {
        return CircuitBreakerConfig.custom()
                .failureRateThreshold(settings.getFailureRateThreshold())
                .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
                .slidingWindowSize(settings.getSlidingWindowSize())
                .minimumNumberOfCalls(settings.getMinimumNumberOfCalls())
                .waitDurationInOpenState(settings.getWaitInOpenState())
                .permittedNumberOfCallsInHalfOpenState(settings.getPermittedCallsInHalfOpenState())
                .automaticTransitionFromOpenToHalfOpenEnabled(true)
                .build();
    }

    private static BulkheadConfig bulkhead(int concurrency) {
        return BulkheadConfig.custom().maxConcurrentCalls(concurrency).maxWaitDuration(java.time.Duration.ZERO)
                .build();
    }
}
