package io.cityloop.notification.delivery.adapters.persistence;

import java.time.Instant;
import java.util.List;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/** A stored subscription; the secret is kept to sign with, and never shown by the API. */
@Document(SubscriptionDocument.COLLECTION)
record SubscriptionDocument(
        @Id String id,
        String scope,
        String target,
        String unitId,
        String channel,
        String endpoint,
        String secret,
        List<String> kinds,
        String quietFrom,
        String quietTo,
        long digestSeconds,
        boolean active,
        String stoppedReason,
        String createdBy,
        Instant createdAt) {

    static final String COLLECTION = "subscriptions";
}
