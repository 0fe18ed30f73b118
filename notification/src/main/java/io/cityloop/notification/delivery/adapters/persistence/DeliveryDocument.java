package io.cityloop.notification.delivery.adapters.persistence;

import java.time.Instant;
import java.util.List;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import io.cityloop.notification.delivery.model.DeliveryItem;

/**
 * A stored delivery (the outbox of deliveries). {@code notificationIds} repeats the items' ids so a notification's
 * deliveries are found by an index.
 */
@Document(DeliveryDocument.COLLECTION)
record DeliveryDocument(
        @Id String id,
        String subscriptionId,
        String channel,
        String endpointKey,
        String unitId,
        boolean urgent,
        boolean digest,
        List<DeliveryItem> items,
        List<String> notificationIds,
        String status,
        int attempts,
        Instant nextAttemptAt,
        Instant createdAt,
        Instant publishedAt,
        Instant sentAt,
        String lastError) {

    static final String COLLECTION = "deliveries";
}
