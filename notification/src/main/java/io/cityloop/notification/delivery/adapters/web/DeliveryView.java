package io.cityloop.notification.delivery.adapters.web;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;

import io.cityloop.notification.delivery.model.Delivery;
import io.cityloop.notification.delivery.model.DeliveryItem;

/** A delivery's status as JSON: {@code id} is the deduplication key its receiver saw. */
public record DeliveryView(
        String id,
        String subscriptionId,
        String channel,
        String endpoint,
        String unitId,
        boolean urgent,
        boolean digest,
        String status,
        int attempts,
        OffsetDateTime nextAttemptAt,
        OffsetDateTime createdAt,
        OffsetDateTime sentAt,
        String lastError,
        List<String> notificationIds,
        String title) {

    static DeliveryView of(Delivery d, ZoneId zone) {
        return new DeliveryView(d.id(), d.subscriptionId(), d.channel().name(), d.endpointKey(), d.unitId(),
                d.urgent(), d.digest(), d.status().name(), d.attempts(), local(d.nextAttemptAt(), zone),
                local(d.createdAt(), zone), local(d.sentAt(), zone), d.lastError(),
                d.items().stream().map(DeliveryItem::notificationId).toList(), d.items().isEmpty() ? null : d.title());
    }

    private static OffsetDateTime local(Instant at, ZoneId zone) {
        return at == null ? null : at.atZone(zone).toOffsetDateTime();
    }
}
