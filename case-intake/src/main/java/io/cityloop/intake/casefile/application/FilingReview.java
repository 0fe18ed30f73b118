package io.cityloop.intake.casefile.application;

import java.time.Clock;

import org.springframework.stereotype.Service;

import io.cityloop.intake.casefile.model.CaseFile;
import io.cityloop.intake.casefile.model.Participant;
import io.cityloop.intake.casefile.model.RejectionReason;
import io.micrometer.core.instrument.MeterRegistry;

/** 受理/立案: the operator's decision on a report. */
@Service
public class FilingReview {

    private final CaseFileStore store;
    private final Clock clock;
    private final MeterRegistry meters;

    FilingReview(CaseFileStore store, Clock clock, MeterRegistry meters) {
        this.store = store;
        this.clock = clock;
        this.meters = meters;
    }

    public CaseFile file(String caseId, Participant operator, String note) {
        CaseFile file = load(caseId);
        file.file(operator, note, clock.instant());
        store.save(file);
        meters.counter("cityloop_cases_filed_total", "district", file.location().districtCode(),
                "category", file.category().code()).increment();
        return file;
    }

    public CaseFile reject(String caseId, Participant operator, RejectionReason reason, String note) {
        CaseFile file = load(caseId);
        file.reject(operator, reason, note, clock.instant());
        store.save(file);
        meters.counter("cityloop_cases_rejected_total", "reason", reason.name()).increment();
        return file;
    }

    private CaseFile load(String caseId) {
        return store.find(caseId).orElseThrow(() -> new CaseNotFoundException(caseId));
    }
}
