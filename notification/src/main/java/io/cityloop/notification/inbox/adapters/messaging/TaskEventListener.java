package io.cityloop.notification.inbox.adapters.messaging;

import java.time.Instant;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.stereotype.Component;

import io.cityloop.events.CaseEvent;
import io.cityloop.notification.inbox.application.NotificationService;
import io.cityloop.platform.messaging.CaseTopicListener;
import io.cityloop.platform.messaging.EventAudit;

/** Reads the case topic; the service keeps what a unit must act on (dispatches and reworks) and skips the rest;
 * events of unknown type or not published by their owner are refused, logged and counted ({@link EventAudit}). */
@Component
class TaskEventListener extends CaseTopicListener {

    private final NotificationService notifications;

    TaskEventListener(EventAudit audit, NotificationService notifications) {
        super(audit);
        this.notifications = notifications;
    }

    @Override
    protected void handle(CaseEvent event, ConsumerRecord<String, String> record) {
        notifications.record(event, record.timestamp() > 0 ? Instant.ofEpochMilli(record.timestamp()) : null);
    }
}
