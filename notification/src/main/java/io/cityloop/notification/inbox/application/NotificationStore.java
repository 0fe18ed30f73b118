package io.cityloop.notification.inbox.application;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import io.cityloop.notification.inbox.model.Notification;

/** Where notifications are kept. */
public interface NotificationStore {

    /** @return {@code false} when a notification with this id exists already (a redelivered event) */
    boolean addIfAbsent(Notification notification);

    Optional<Notification> find(String id);

    /** The first dispatch notification of a task, to name its category when a rework follows. */
    Optional<Notification> dispatchOf(String taskId);

    /** Newest first; {@code unitId == null} means every unit. */
    List<Notification> inbox(String unitId, boolean unreadOnly, int limit);

    /** Sets the read time unless already set, and returns the stored result. */
    Optional<Notification> markRead(String id, Instant at);
}
