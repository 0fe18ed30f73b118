package io.cityloop.assessment.facts.adapters.messaging;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.stereotype.Component;

import io.cityloop.assessment.facts.application.CaseFactsProjection;
import io.cityloop.events.CaseEvent;
import io.cityloop.platform.messaging.CaseTopicListener;
import io.cityloop.platform.messaging.EventAudit;

/**
 * Feeds every case event into the facts; unknown types and events not published by their owner are refused, logged
 * and counted ({@link EventAudit}), unreadable records go to the DLT.
 */
@Component
class CaseEventListener extends CaseTopicListener {

    private final CaseFactsProjection projection;

    CaseEventListener(EventAudit audit, CaseFactsProjection projection) {
        super(audit);
        this.projection = projection;
    }

    @Override
    protected void handle(CaseEvent event, ConsumerRecord<String, String> record) {
        projection.apply(event);
    }
}
