package io.cityloop.assessment.facts.application;

import org.springframework.stereotype.Service;

/**
 * Drops the case facts and replays the topic from offset 0. Because every fact keeps its business time and every
 * event is applied once by id, the rebuilt facts equal the ones the live consumer built.
 */
@Service
public class ProjectionRebuild {

    private final CaseFactsStore store;
    private final CaseFactsProjection projection;
    private final EventLog log;

    public ProjectionRebuild(CaseFactsStore store, CaseFactsProjection projection, EventLog log) {
        this.store = store;
        this.projection = projection;
        this.log = log;
    }

    public Result rebuild() {
        store.dropAll();
        long[] applied = {0};
        long read = log.replayFromStart(events -> applied[0] += projection.applyAll(events));
        return new Result(read, applied[0], store.all().size());
    }

    /** Events read from the topic, events applied (duplicates excluded), cases in the rebuilt projection. */
    public record Result(long eventsRead, long eventsApplied, long cases) {
    }
}
