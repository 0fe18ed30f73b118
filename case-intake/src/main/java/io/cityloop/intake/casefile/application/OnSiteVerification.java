package io.cityloop.intake.casefile.application;

import java.time.Clock;
import java.util.List;

import org.springframework.stereotype.Service;

import io.cityloop.intake.casefile.model.CaseFile;
import io.cityloop.intake.casefile.model.Participant;
import io.micrometer.core.instrument.MeterRegistry;

/** 核查: the inspector's verdict on the unit's feedback. */
@Service
public class OnSiteVerification {

    private final CaseFileStore store;
    private final Clock clock;
    private final MeterRegistry meters;

    OnSiteVerification(CaseFileStore store, Clock clock, MeterRegistry meters) {
        this.store = store;
        this.clock = clock;
        this.meters = meters;
    }

    public CaseFile pass(String caseId, Participant inspector, String note) {
        CaseFile file = load(caseId);
        file.pass(inspector, note, clock.instant());
        store.save(file);
        meters.counter("cityloop_cases_closed_total", "district", file.location().districtCode(),
                "category", file.category().code()).increment();
        return file;
    }

    public CaseFile fail(String caseId, Participant inspector, String reason) {
        CaseFile file = load(caseId);
        file.fail(inspector, reason, clock.instant());
        store.save(file);
        meters.counter("cityloop_cases_rework_total", "district", file.location().districtCode()).increment();
        return file;
    }

    public List<CaseFile> openFor(String assignee, int limit) {
        return store.openVerifications(assignee, limit);
    }

    private CaseFile load(String caseId) {
        return store.find(caseId).orElseThrow(() -> new CaseNotFoundException(caseId));
    }
}
