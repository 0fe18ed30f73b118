package io.cityloop.notification.delivery.application;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import io.cityloop.notification.delivery.model.Delivery;
import io.cityloop.notification.delivery.model.DeliveryItem;
import io.cityloop.notification.delivery.model.DeliveryStatus;

/** The outbox of deliveries: each is recorded before it is sent and changes state only here. */
public interface DeliveryStore {

    /** @return false when a delivery with its id exists (a redelivered event): nothing changes */
    boolean insertIfAbsent(Delivery delivery);

    /**
     * Adds the item to the pending digest {@code template.id()}, creating it from the template when absent.
     *
     * @return false when that digest exists and is no longer pending (its window closed): the caller sends alone
     */
    boolean addToDigest(Delivery template, DeliveryItem item);

    /** Pending deliveries whose time has come, oldest first. */
    List<Delivery> due(Instant now, int limit);

    /** Takes the delivery for one attempt: only if it is still pending at {@code seenNextAttemptAt}. */
    boolean claim(String id, Instant seenNextAttemptAt, Instant leaseUntil);

    /** Moves a pending delivery's next look without counting an attempt (breaker open, bulkhead full). */
    boolean postpone(String id, Instant seenNextAttemptAt, Instant next);

    void markSent(String id, int attempts, Instant sentAt, String detail);

    void retryLater(String id, int attempts, Instant next, String error);

    void markFinal(String id, DeliveryStatus status, int attempts, String error);

    /** Sent deliveries of a notification become read. */
    void markRead(String notificationId);

    /** A failed delivery is tried again from its first attempt. @return false unless it was failed */
    boolean requeue(String id, Instant now);

    Optional<Delivery> find(String id);

    /** Newest first; {@code unitId} or {@code status} may be null (not both, unless {@code notificationId} is set). */
    List<Delivery> list(String unitId, DeliveryStatus status, String notificationId, int limit);
}
