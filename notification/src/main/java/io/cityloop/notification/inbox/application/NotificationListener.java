package io.cityloop.notification.inbox.application;

import java.time.Instant;

import io.cityloop.notification.inbox.model.Notification;

/** What else happens when a notification is recorded or read: live push, deliveries to the subscriptions. */
public interface NotificationListener {

    /**
     * Called after the notification is stored, also for a redelivered event ({@code first == false}), so a fan-out
     * that a crash interrupted is completed on redelivery; it must therefore be idempotent. An exception leaves the
     * event to be redelivered.
     *
     * @param urgent      an urgent task (a time limit in working hours) or a 督办: not held by quiet hours or digests
     * @param publishedAt when the event was published to Kafka; {@code null} when not known
     */
    void recorded(Notification notification, boolean first, boolean urgent, Instant publishedAt);

    /** The unit marked the notification read in its inbox. */
    default void read(Notification notification) {
    }
}
