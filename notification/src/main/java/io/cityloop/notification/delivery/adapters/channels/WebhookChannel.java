package io.cityloop.notification.delivery.adapters.channels;

import java.net.http.HttpResponse;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.stereotype.Component;

import io.cityloop.notification.delivery.application.ChannelAdapter;
import io.cityloop.notification.delivery.model.Channel;
import io.cityloop.notification.delivery.model.Delivery;
import io.cityloop.notification.delivery.model.SendOutcome;
import io.cityloop.notification.delivery.model.Signatures;
import io.cityloop.notification.delivery.model.Subscription;

/**
 * A generic webhook: POSTs JSON signed with the subscription's secret. Headers: {@value #DELIVERY} (the
 * deduplication key, the same on every retry), {@value #TIMESTAMP} (epoch seconds) and {@value #SIGNATURE}
 * ({@code sha256=} hex HMAC-SHA256 of {@code timestamp + "." + body}). 2xx is delivered, 410 stops the subscription.
 */
@Component
class WebhookChannel implements ChannelAdapter {

    static final String DELIVERY = "X-CityLoop-Delivery";
    static final String TIMESTAMP = "X-CityLoop-Timestamp";
    static final String SIGNATURE = "X-CityLoop-Signature";

    private final HttpChannels http;
    private final Clock wallClock = Clock.systemUTC();

    WebhookChannel(HttpChannels http) {
        this.http = http;
    }

    @Override
    public Channel channel() {
        return Channel.WEBHOOK;
    }

    @Override
    public String endpointKey(Subscription subscription) {
        return HttpChannels.endpointKey(subscription.endpoint());
    }

    @Override
    public SendOutcome send(Delivery delivery, Subscription subscription) throws Exception {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("deliveryId", delivery.id());
        payload.put("subscriptionId", subscription.id());
        payload.put("digest", delivery.digest());
        payload.put("title", delivery.title());
        payload.put("text", delivery.text());
        payload.put("notifications", HttpChannels.items(delivery));
        String body = HttpChannels.json(payload);
        String timestamp = Long.toString(wallClock.instant().getEpochSecond());
        HttpResponse<String> response = http.post(subscription.endpoint(), "application/json", body, Map.of(
                DELIVERY, delivery.id(),
                TIMESTAMP, timestamp,
                SIGNATURE, Signatures.webhook(subscription.secret(), timestamp, body)));
        return SendOutcome.ofHttpStatus(response.statusCode(), response.body());
    }
}
