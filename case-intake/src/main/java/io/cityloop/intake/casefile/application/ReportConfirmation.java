package io.cityloop.intake.casefile.application;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.springframework.stereotype.Service;

import io.cityloop.intake.casefile.model.CaseFile;
import io.cityloop.intake.casefile.model.Confirmation;
import io.cityloop.intake.casefile.model.Participant;
import io.cityloop.reference.CityReference;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * 核实: a report that did not come from an inspector goes to the inspector of its cell to confirm on site before it
 * is filed — sent by an operator, or by a configured rule as it arrives — and the inspector's answer, 属实 with a
 * photo (back to the filing queue) or 不属实 with the reason (rejected).
 */
@Service
public class ReportConfirmation {

    private static final Participant CONFIRMATION_RULE = Participant.system("confirmation-rule");

    private final CaseFileStore store;
    private final CaseCommands commands;
    private final InspectorAssignment inspectors;
    private final CityReference city;
    private final IntakeSettings settings;
    private final Clock clock;
    private final MeterRegistry meters;

    ReportConfirmation(CaseFileStore store, CaseCommands commands, InspectorAssignment inspectors, CityReference city,
                       IntakeSettings settings, Clock clock, MeterRegistry meters) {
        this.store = store;
        this.commands = commands;
        this.inspectors = inspectors;
        this.city = city;
        this.settings = settings;
        this.clock = clock;
        this.meters = meters;
    }

    /** 派核实 by an operator. */
    public CaseFile request(String caseId, Participant operator) {
        Instant now = clock.instant();
        CaseFile file = commands.apply(caseId, c -> c.requestConfirmation(operator,
                inspectors.inspectorFor(c.location()), dueBy(now), now));
        requested(file, "operator");
        return file;
    }

    /**
     * Sends a new report to 核实 when a configured rule covers its source and category; called before the report is
     * first stored, so the report and the request are one write.
     */
    void requestIfRuleApplies(CaseFile file, Instant now) {
        boolean covered = settings.confirmation().rules().stream()
                .anyMatch(rule -> rule.applies(file.category().code(), file.source()));
        if (covered) {
            file.requestConfirmation(CONFIRMATION_RULE, inspectors.inspectorFor(file.location()), dueBy(now), now);
        }
    }

    /** Counts a report that {@link #requestIfRuleApplies} sent, once it is stored. */
    void countIfRequested(CaseFile file) {
        if (file.confirmation() != null) {
            requested(file, "rule");
        }
    }

    public CaseFile confirm(String caseId, Participant inspector, String note, List<String> photoIds) {
        CaseFile file = commands.apply(caseId, c -> c.confirm(inspector, note, photoIds, clock.instant()));
        answered(file);
        return file;
    }

    public CaseFile refute(String caseId, Participant inspector, String reason, List<String> photoIds) {
        CaseFile file = commands.apply(caseId, c -> c.refute(inspector, reason, photoIds, clock.instant()));
        answered(file);
        return file;
    }

    /** Open 核实 requests, soonest due first; of one inspector, or everyone's when {@code assignee} is null. */
    public List<CaseFile> openFor(String assignee, int limit) {
        return store.openConfirmations(assignee, limit);
    }

    private Instant dueBy(Instant now) {
        return city.calendar().plusWorkingTime(now, Duration.ofMinutes(settings.confirmation().limitWorkingMinutes()));
    }

    private void requested(CaseFile file, String trigger) {
        Confirmation sent = file.confirmation();
        meters.counter("cityloop_confirmations_requested_total", "source", file.source().name(), "trigger", trigger,
                "on_time", String.valueOf(!Boolean.FALSE.equals(sent.dispatchedOnTime()))).increment();
    }

    private void answered(CaseFile file) {
        Confirmation answer = file.confirmation();
        meters.counter("cityloop_confirmations_answered_total", "result", answer.result().name(), "on_time",
                String.valueOf(answer.answeredOnTime())).increment();
    }
}
