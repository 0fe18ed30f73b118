package io.cityloop.notification.inbox.adapters.messaging;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import io.cityloop.events.CaseEventCodec;
import io.cityloop.events.CaseEventTopics;
import io.cityloop.notification.inbox.application.NotificationService;

/** Reads the case topic; the service keeps what a unit must act on (dispatches and reworks) and skips the rest. */
@Component
class TaskEventListener {

    private final CaseEventCodec codec;
    private final NotificationService notifications;

    TaskEventListener(CaseEventCodec codec, NotificationService notifications) {
        this.codec = codec;
        this.notifications = notifications;
    }

    @KafkaListener(topics = CaseEventTopics.CASE_EVENTS)
    void on(String record) {
        codec.decode(record).ifPresent(notifications::record);
    }
}
