package io.cityloop.intake.casefile.application;

import java.time.Clock;
import java.util.List;

import org.springframework.stereotype.Service;

import io.cityloop.intake.casefile.model.CaseFile;
import io.cityloop.intake.casefile.model.Participant;
import io.micrometer.core.instrument.MeterRegistry;

/** 核查: the inspector's verdict on the unit's feedback, with the photos taken on site. */
@Service
public class OnSiteVerification {

    private final CaseFileStore store;
    private final CaseCommands commands;
    private final IntakeSettings settings;
    private final Clock clock;
    private final MeterRegistry meters;

    OnSiteVerification(CaseFileStore store, CaseCommands commands, IntakeSettings settings, Clock clock,
                       MeterRegistry meters) {
        this.store = store;
        this.commands = commands;
        this.settings = settings;
        this.clock = clock;
        this.meters = meters;
    }

    public CaseFile pass(String caseId, Participant inspector, String note) {
        return pass(caseId, inspector, note, List.of());
    }

    public CaseFile pass(String caseId, Participant inspector, String note, List<String> photoIds) {
        CaseFile file = commands.apply(caseId, c -> c.pass(inspector, note, photoIds,
                settings.verification().photoRequired(), clock.instant()));
        meters.counter("cityloop_cases_closed_total", "district", file.location().districtCode(),
                "category", file.category().code()).increment();
        return file;
    }

    public CaseFile fail(String caseId, Participant inspector, String reason) {
        return fail(caseId, inspector, reason, List.of());
    }

    public CaseFile fail(String caseId, Participant inspector, String reason, List<String> photoIds) {
        CaseFile file = commands.apply(caseId, c -> c.fail(inspector, reason, photoIds,
                settings.verification().photoRequired(), clock.instant()));
        meters.counter("cityloop_cases_rework_total", "district", file.location().districtCode()).increment();
        return file;
    }

    public List<CaseFile> openFor(String assignee, int limit) {
        return store.openVerifications(assignee, limit);
    }
}
