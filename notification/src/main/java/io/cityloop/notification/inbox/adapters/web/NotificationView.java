package io.cityloop.notification.inbox.adapters.web;

import java.time.OffsetDateTime;
import java.time.ZoneId;

import io.cityloop.notification.inbox.model.Notification;

/** A notification as JSON, times in the city's local time with offset. */
public record NotificationView(
        String id,
        String unitId,
        String caseId,
        String taskId,
        String categoryCode,
        String kind,
        String title,
        String message,
        OffsetDateTime createdAt,
        OffsetDateTime readAt,
        boolean read) {

    static NotificationView of(Notification notification, ZoneId zone) {
        return new NotificationView(notification.id(), notification.unitId(), notification.caseId(),
                notification.taskId(), notification.categoryCode(), notification.kind().name(), notification.title(),
                notification.message(), notification.createdAt().atZone(zone).toOffsetDateTime(),
                notification.readAt() == null ? null : notification.readAt().atZone(zone).toOffsetDateTime(),
                notification.isRead());
    }
}
