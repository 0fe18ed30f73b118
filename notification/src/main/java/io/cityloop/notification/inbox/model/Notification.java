package io.cityloop.notification.inbox.model;

import java.time.Instant;

/**
 * 通知: one message to a handling unit's inbox. Its id is the id of the event that caused it, so a redelivered
 * event can never create a second one.
 *
 * @param categoryCode the case's category, {@code null} if not known to this service
 * @param createdAt the business time of the event, not when it was delivered
 * @param readAt    when a user of the unit marked it read; {@code null} while unread
 */
public record Notification(
        String id,
        String unitId,
        String caseId,
        String taskId,
        String categoryCode,
        NotificationKind kind,
        String title,
        String message,
        Instant createdAt,
        Instant readAt) {

    public boolean isRead() {
        return readAt != null;
    }

    public boolean isFor(String unit) {
        return unitId.equals(unit);
    }

    /** Marking read twice keeps the first time. */
    public Notification markedRead(Instant at) {
        if (isRead()) {
            return this;
        }
        return new Notification(id, unitId, caseId, taskId, categoryCode, kind, title, message, createdAt, at);
    }
}
