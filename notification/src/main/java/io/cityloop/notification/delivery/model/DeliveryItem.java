package io.cityloop.notification.delivery.model;

import java.time.Instant;

/** One notification inside a delivery: a delivery carries one, a digest several. */
public record DeliveryItem(
        String notificationId,
        String kind,
        String caseId,
        String taskId,
        String unitId,
        String title,
        String message,
        Instant at) {
}
