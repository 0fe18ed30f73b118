package io.cityloop.assessment.facts.application;

import java.util.function.UnaryOperator;

import org.springframework.stereotype.Service;

import io.cityloop.assessment.facts.model.CaseFacts;
import io.cityloop.assessment.facts.model.TaskAssignment;
import io.cityloop.events.CaseClosed;
import io.cityloop.events.CaseEvent;
import io.cityloop.events.CaseEventData;
import io.cityloop.events.CaseFiled;
import io.cityloop.events.CaseRejected;
import io.cityloop.events.CaseReported;
import io.cityloop.events.CaseVerified;
import io.cityloop.events.ReworkDispatched;
import io.cityloop.events.ReworkRequired;
import io.cityloop.events.TaskAccepted;
import io.cityloop.events.TaskDispatched;
import io.cityloop.events.TaskHandled;
import io.cityloop.events.VerificationRequested;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Translates case events of both axes into changes of {@link CaseFacts}. Every event is recorded by its id, so a
 * redelivery or a replay from offset 0 changes nothing and is not counted again.
 */
@Service
public class CaseFactsProjection {

    static final String APPLIED_METRIC = "cityloop.assessment.events.applied";

    private final CaseFactsStore store;
    private final MeterRegistry meters;

    public CaseFactsProjection(CaseFactsStore store, MeterRegistry meters) {
        this.store = store;
        this.meters = meters;
    }

    /** @return whether the event changed anything (false for a duplicate) */
    public boolean apply(CaseEvent event) {
        boolean applied = store.update(event.subject(), changeFor(event));
        if (applied) {
            Counter.builder(APPLIED_METRIC)
                    .description("case events applied to the assessment facts (duplicates excluded)")
                    .tag("type", event.type().verb())
                    .register(meters)
                    .increment();
        }
        return applied;
    }

    private static UnaryOperator<CaseFacts> changeFor(CaseEvent event) {
        String id = event.id();
        CaseEventData data = event.data();
        if (data instanceof CaseReported r) {
            return facts -> facts.reported(id, event.time(), r.districtCode(), r.categoryCode(), r.source());
        }
        if (data instanceof CaseFiled f) {
            return facts -> facts.filed(id, event.time(), f.districtCode(), f.categoryCode());
        }
        if (data instanceof CaseRejected) {
            return facts -> facts.rejected(id, event.time());
        }
        if (data instanceof TaskDispatched d) {
            return facts -> facts.dispatched(id, new TaskAssignment(d.taskId(), d.unitId(), d.unitName(),
                    d.districtCode(), event.time(), d.deadline()));
        }
        if (data instanceof TaskAccepted a) {
            return facts -> facts.accepted(id, a.taskId(), a.unitId(), event.time());
        }
        if (data instanceof TaskHandled h) {
            return facts -> facts.handled(id, h.taskId(), h.unitId(), event.time(), h.onTime(), h.deadline());
        }
        if (data instanceof ReworkRequired r) {
            return facts -> facts.reworkRequired(id, r.taskId(), r.unitId(), event.time());
        }
        if (data instanceof ReworkDispatched r) {
            return facts -> facts.reworkDispatched(id, r.taskId(), r.unitId(), event.time(), r.deadline());
        }
        if (data instanceof CaseVerified v) {
            return facts -> facts.verified(id, v.taskId(), event.time());
        }
        if (data instanceof CaseClosed) {
            return facts -> facts.closed(id, event.time());
        }
        if (data instanceof VerificationRequested v) {
            return facts -> facts.verificationRequested(id, v.taskId());
        }
        throw new IllegalArgumentException("no projection for " + event.type());
    }
}
