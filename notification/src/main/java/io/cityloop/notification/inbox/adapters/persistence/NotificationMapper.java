package io.cityloop.notification.inbox.adapters.persistence;

import org.mapstruct.Mapper;
import org.mapstruct.Mapping;

import io.cityloop.notification.inbox.model.Notification;

@Mapper
interface NotificationMapper {

    /** {@code markedRead(Instant)} looks like a fluent setter to MapStruct; it is behaviour, not a property. */
    @Mapping(target = "markedRead", ignore = true)
    Notification toNotification(NotificationDocument document);

    NotificationDocument toDocument(Notification notification);
}
