package io.cityloop.assessment.facts.adapters.messaging;

import java.util.List;

import org.springframework.stereotype.Component;

import io.cityloop.assessment.facts.application.CaseFactsProjection;
import io.cityloop.platform.messaging.CaseTopicBatchListener;
import io.cityloop.platform.messaging.EventAudit;

/**
 * Feeds every case event into the facts, a poll at a time: a rebuild from offset 0 reads a year of events, and one
 * round trip per event to the store would bound it. Unknown types and events not published by their owner are
 * refused, logged and counted ({@link EventAudit}), unreadable records go to the DLT.
 */
@Component
class CaseEventListener extends CaseTopicBatchListener {

    private final CaseFactsProjection projection;

    CaseEventListener(EventAudit audit, CaseFactsProjection projection) {
        super(audit);
        this.projection = projection;
    }

    @Override
    protected void handleAll(List<TrustedEvent> events) {
        try {
            projection.applyAll(events.stream().map(TrustedEvent::event).toList());
        } catch (RuntimeException batchFailed) {
            // Find the event that fails on its own; those before it are then applied (a no-op where the batch had
            // already written them), and the error handler retries or dead-letters just that one.
            for (TrustedEvent event : events) {
                try {
                    projection.apply(event.event());
                } catch (RuntimeException failed) {
                    throw failedAt(event, failed);
                }
            }
        }
    }
}
