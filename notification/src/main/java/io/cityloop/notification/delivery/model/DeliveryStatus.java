package io.cityloop.notification.delivery.model;

/** Where a delivery is: waiting to be sent (or retried), sent, read (where the channel tells), failed for good. */
public enum DeliveryStatus {

    /** Recorded and waiting for its next attempt (the first, a retry, or the end of quiet hours or a digest). */
    PENDING,

    /** The receiver accepted it. */
    SENT,

    /** The unit marked the notification read in its inbox. */
    READ,

    /** Dead-lettered: the last retry failed, the receiver refused it for good, or answered 410 Gone. */
    FAILED,

    /** Its subscription was stopped or deleted before it could be sent. */
    CANCELLED
}
