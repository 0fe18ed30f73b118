package io.cityloop.assessment.facts.application;

import java.util.ArrayList;
import java.util.List;

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
            count(event);
        }
        return applied;
    }

    /**
     * Applies a run of events in their order, as {@link #apply} would one by one, but lets the store read and write
     * the cases they touch together: a replay from offset 0 is then bound by how fast the store takes a batch, not
     * by one round trip per event.
     *
     * @return how many events changed anything (duplicates excluded)
     */
    public int applyAll(List<CaseEvent> events) {
        List<CaseFactsStore.CaseChange> changes = new ArrayList<>(events.size());
        for (CaseEvent event : events) {
            changes.add(new CaseFactsStore.CaseChange(event.subject(), EventTranslation.changeFor(event)));
        }
        boolean[] applied = store.updateAll(changes);
        int count = 0;
        for (int i = 0; i < applied.length; i++) {
            if (applied[i]) {
                count(events.get(i));
                count++;
            }
        }
        return count;
    }

    private void count(CaseEvent event) {
        Counter.builder(APPLIED_METRIC)
                .description("case events applied to the assessment facts (duplicates excluded)")
                .tag("type", event.type().verb())
                .register(meters)
                .increment();
    }
}
