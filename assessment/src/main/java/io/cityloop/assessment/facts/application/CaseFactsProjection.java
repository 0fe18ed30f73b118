package io.cityloop.assessment.facts.application;

import org.springframework.stereotype.Service;

import io.cityloop.assessment.facts.model.CaseFacts;
import io.cityloop.events.CaseEvent;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Applies case events of both axes to {@link CaseFacts}. Every event is recorded by its id, so a redelivery or a
 * replay from offset 0 changes nothing and is not counted again.
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
        boolean applied = store.update(event.subject(), EventTranslation.changeFor(event));
        if (applied) {
            Counter.builder(APPLIED_METRIC)
                    .description("case events applied to the assessment facts (duplicates excluded)")
                    .tag("type", event.type().verb())
                    .register(meters)
                    .increment();
        }
        return applied;
    }
}
