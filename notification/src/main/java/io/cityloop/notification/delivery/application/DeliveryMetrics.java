package io.cityloop.notification.delivery.application;

import java.time.Duration;
import java.time.Instant;

import org.springframework.stereotype.Component;

import io.cityloop.notification.delivery.model.Channel;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * {@code cityloop_deliveries_total{channel,outcome}} (recorded, sent, retried, failed, gone, cancelled, postponed)
 * and {@code cityloop_delivery_latency_seconds{channel}}: from the event's publication to the receiver's answer.
 */
@Component
public class DeliveryMetrics {

    static final String DELIVERIES = "cityloop.deliveries";
    static final String LATENCY = "cityloop.delivery.latency";

    private final MeterRegistry meters;

    public DeliveryMetrics(MeterRegistry meters) {
        this.meters = meters;
    }

    public void count(Channel channel, String outcome) {
        Counter.builder(DELIVERIES).description("deliveries by channel and outcome")
                .tag("channel", channel.name()).tag("outcome", outcome).register(meters).increment();
    }

    public void latency(Channel channel, Instant publishedAt, Instant sentAt) {
        if (publishedAt == null || sentAt.isBefore(publishedAt)) {
            return;
        }
        Timer.builder(LATENCY).description("from the event's publication to its delivery")
                .tag("channel", channel.name()).publishPercentileHistogram()
                .register(meters).record(Duration.between(publishedAt, sentAt));
    }
}
