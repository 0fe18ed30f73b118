package io.cityloop.intake.casefile.application;

import java.time.Clock;
import java.time.Instant;
import java.util.function.Predicate;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

import io.cityloop.intake.casefile.model.CaseFile;
import io.cityloop.intake.casefile.model.IllegalTransitionException;
import io.cityloop.intake.casefile.model.Participant;
import io.cityloop.intake.casefile.model.TaskAssignment;
import io.cityloop.intake.catalog.CatalogRegistry;
import io.cityloop.platform.concurrency.ConcurrentChangeRetry;
import io.cityloop.reference.Category;
import io.cityloop.reference.CityReference;

/**
 * Mirrors the command center's steps into the case file, so the case shows one timeline across both axes. Each
 * event is applied at most once; a concurrent change of the same case is retried on a fresh copy.
 */
@Service
public class DispatchMirror {

    private static final Logger log = LoggerFactory.getLogger(DispatchMirror.class);
    private static final ConcurrentChangeRetry RETRY = ConcurrentChangeRetry.upTo(5);

    private final CaseFileStore store;
    private final CityReference city;
    private final Clock clock;
    private final InspectorAssignment inspectors;
    private final CatalogRegistry catalogs;

    DispatchMirror(CaseFileStore store, CityReference city, Clock clock, InspectorAssignment inspectors,
                   CatalogRegistry catalogs) {
        this.store = store;
        this.city = city;
        this.clock = clock;
        this.inspectors = inspectors;
        this.catalogs = catalogs;
    }

    public void dispatched(String caseId, String eventId, TaskAssignment task, Participant by, Instant at) {
        apply(caseId, eventId, file -> file.recordDispatched(eventId, task, by, at));
    }

    public void accepted(String caseId, String eventId, Participant by, Instant at) {
        apply(caseId, eventId, file -> file.recordAccepted(eventId, by, at));
    }

    /**
     * The check is assigned to the inspector of the case's cell's area (责任网格), due within the category's
     * verification limit (as the catalog version the case was filed under states it) counted on the
     * working calendar from now.
     */
    public void handled(String caseId, String eventId, Participant by, String note, Instant at) {
        apply(caseId, eventId, file -> {
            Instant now = clock.instant();
            Category category = catalogs.find(file.category().catalogVersion(), file.category().code())
                    .orElseThrow();
            Instant dueBy = city.calendar().deadline(now, category.verificationLimit());
            return file.recordHandled(eventId, by, note, at, inspectors.inspectorFor(file.location()), dueBy);
        });
    }

    public void reworkDispatched(String caseId, String eventId, Participant by, Instant newDeadline, Instant at) {
        apply(caseId, eventId, file -> file.recordReworkDispatched(eventId, by, newDeadline, at));
    }

    private void apply(String caseId, String eventId, Predicate<CaseFile> step) {
        RETRY.run(() -> {
            CaseFile file = store.find(caseId).orElse(null);
            if (file == null) {
                log.warn("event {} names unknown case {}; skipped", eventId, caseId);
                return;
            }
            try {
                if (step.test(file)) {
                    store.save(file);
                }
            } catch (IllegalTransitionException e) {
                // One case's events arrive in order on one partition, so this is a defect to look at, not to retry.
                log.warn("event {} does not fit case {}: {}; skipped", eventId, caseId, e.getMessage());
            }
        });
    }
}
