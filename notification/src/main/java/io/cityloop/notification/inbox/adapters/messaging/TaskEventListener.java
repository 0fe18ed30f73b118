package io.cityloop.notification.inbox.adapters.messaging;

import java.time.Instant;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import io.cityloop.events.CaseEventTopics;
import io.cityloop.platform.messaging.EventAudit;
import io.cityloop.notification.inbox.application.NotificationService;

/** Reads the case topic; the service keeps what a unit must act on (dispatches and reworks) and skips the rest;
 * events of unknown type or not published by their owner are refused, logged and counted ({@link EventAudit}). */
@Component
class TaskEventListener {

    private final EventAudit audit;
    private final NotificationService notifications;

    TaskEventListener(EventAudit audit, NotificationService notifications) {
        this.audit = audit;
        this.notifications = notifications;
    }

    @KafkaListener(topics = CaseEventTopics.CASE_EVENTS)
    void on(ConsumerRecord<String, String> record) {
        audit.accept(record).ifPresent(event -> notifications.record(event,
                record.timestamp() > 0 ? Instant.ofEpochMilli(record.timestamp()) : null));
    }
}
