package io.cityloop.intake.casefile.adapters.messaging;

import java.util.List;

import org.springframework.stereotype.Component;

import io.cityloop.events.Actor;
import io.cityloop.events.CaseCancelled;
import io.cityloop.events.CaseClosed;
import io.cityloop.events.CaseConfirmed;
import io.cityloop.events.CaseEvent;
import io.cityloop.events.CaseEventCodec;
import io.cityloop.events.CaseEventData;
import io.cityloop.events.CaseFiled;
import io.cityloop.events.CaseMerged;
import io.cityloop.events.CaseRejected;
import io.cityloop.events.CaseReported;
import io.cityloop.events.CaseUnmerged;
import io.cityloop.events.CaseVerified;
import io.cityloop.events.CategoryTerms;
import io.cityloop.events.ConfirmationRequested;
import io.cityloop.events.GeoPoint;
import io.cityloop.events.InformationRequested;
import io.cityloop.events.Producers;
import io.cityloop.events.ReworkRequired;
import io.cityloop.events.TimeLimit;
import io.cityloop.events.VerificationRequested;
import io.cityloop.intake.casefile.model.CaseCategory;
import io.cityloop.intake.casefile.model.CaseChange;
import io.cityloop.intake.casefile.model.CaseFile;
import io.cityloop.intake.casefile.model.CaseLocation;
import io.cityloop.intake.casefile.model.Participant;
import io.cityloop.intake.catalog.CatalogRegistry;
import io.cityloop.platform.outbox.OutboxEntry;
import io.cityloop.reference.CategoryCatalog;

/** The supervision center's changes as integration events of the case-events contract. */
@Component
public class CaseEventTranslator {

    private final CaseEventCodec codec;
    private final CatalogRegistry catalogs;

    CaseEventTranslator(CaseEventCodec codec, CatalogRegistry catalogs) {
        this.codec = codec;
        this.catalogs = catalogs;
    }

    public List<OutboxEntry> outbox(CaseFile file) {
        return file.changes().stream()
                .map(change -> CaseEvent.of(Producers.CASE_INTAKE, file.id(), change.sequence(), change.at(),
                        data(file, change)))
                .map(event -> OutboxEntry.of(event, codec))
                .toList();
    }

    CaseEventData data(CaseFile file, CaseChange change) {
        String id = file.id();
        CaseLocation where = file.location();
        Actor actor = actor(change.by());
        if (change instanceof CaseChange.Reported) {
            return new CaseReported(id, file.source().name(), file.category().code(), file.description(),
                    new GeoPoint(where.lon(), where.lat()), where.address(), where.districtCode(), where.cellCode(),
                    file.category().catalogVersion(), actor);
        }
        if (change instanceof CaseChange.Filed f) {
            return new CaseFiled(id, file.category().code(), where.districtCode(), where.cellCode(), f.note(), actor,
                    f.componentOwner(), terms(file.category()));
        }
        if (change instanceof CaseChange.Rejected r) {
            return new CaseRejected(id, r.reason().name(), r.note(), actor);
        }
        if (change instanceof CaseChange.ConfirmationRequested c) {
            return new ConfirmationRequested(id, c.assignee(), where.cellCode(), c.dueBy(), c.dispatchedOnTime(),
                    actor);
        }
        if (change instanceof CaseChange.Confirmed c) {
            return new CaseConfirmed(id, c.result().name(), c.note(), c.onTime(), actor);
        }
        if (change instanceof CaseChange.VerificationRequested v) {
            return new VerificationRequested(id, v.taskId(), v.assignee(), where.cellCode(), v.dueBy(), actor);
        }
        if (change instanceof CaseChange.Verified v) {
            return new CaseVerified(id, v.taskId(), "PASS", v.note(), actor);
        }
        if (change instanceof CaseChange.ReworkRequired r) {
            return new ReworkRequired(id, r.taskId(), r.unitId(), r.reason(), actor);
        }
        if (change instanceof CaseChange.Closed c) {
            return new CaseClosed(id, c.taskId(), actor);
        }
        if (change instanceof CaseChange.Merged m) {
            return new CaseMerged(id, m.masterCaseId(), m.reason(), actor);
        }
        if (change instanceof CaseChange.Unmerged u) {
            return new CaseUnmerged(id, u.masterCaseId(), u.reason(), actor);
        }
        if (change instanceof CaseChange.Cancelled c) {
            return new CaseCancelled(id, c.reason(), actor);
        }
        if (change instanceof CaseChange.InformationRequested r) {
            return new InformationRequested(id, r.question(), actor);
        }
        throw new IllegalArgumentException("no integration event for " + change);
    }

    /**
     * The category as the version the case was reported under defines it: the catalog is owned here, and the
     * command center routes and counts the deadline by exactly these terms.
     */
    private CategoryTerms terms(CaseCategory category) {
        CategoryCatalog catalog = catalogs.version(category.catalogVersion())
                .filter(reportedUnder -> reportedUnder.find(category.code()).isPresent())
                .orElseGet(catalogs::current);
        return catalog.find(category.code())
                .map(c -> new CategoryTerms(c.code(), c.name(), c.kind().name(), c.urgency().name(),
                        new TimeLimit(c.handlingLimit().amount(), c.handlingLimit().unit().name()),
                        c.verificationLimitHours(), c.defaultUnit(), catalog.version()))
                .orElse(null);
    }

    private static Actor actor(Participant participant) {
        return new Actor(participant.id(), participant.role());
    }
}
