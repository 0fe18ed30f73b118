package io.cityloop.assessment.facts.adapters.messaging;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import io.cityloop.assessment.facts.application.CaseFactsProjection;
import io.cityloop.events.CaseEventTopics;
import io.cityloop.platform.messaging.EventAudit;

/**
 * Feeds every case event into the facts; unknown types and events not published by their owner are refused, logged
 * and counted ({@link EventAudit}), unreadable records go to the DLT.
 */
@Component
class CaseEventListener {

    private final EventAudit audit;
    private final CaseFactsProjection projection;

    CaseEventListener(EventAudit audit, CaseFactsProjection projection) {
        this.audit = audit;
        this.projection = projection;
    }

    @KafkaListener(topics = CaseEventTopics.CASE_EVENTS)
    void on(ConsumerRecord<String, String> record) {
        audit.accept(record).ifPresent(projection::apply);
    }
}
