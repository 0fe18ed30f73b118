package io.cityloop.assessment.ledger.adapters.web;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import io.cityloop.assessment.facts.application.CaseFactsStore;
import io.cityloop.assessment.facts.model.CaseFacts;
import io.cityloop.assessment.ledger.model.ClockLedger;
import io.cityloop.assessment.ledger.model.LedgerKind;
import io.cityloop.assessment.ledger.model.WorkingTimeScale;
import io.cityloop.platform.problem.Problems;

/** One case's facts with its clock ledger as of now (the bottom of every drill-down). */
@RestController
class CaseLedgerController {

    private final CaseFactsStore store;
    private final WorkingTimeScale scale;
    private final Clock clock;

    CaseLedgerController(CaseFactsStore store, WorkingTimeScale scale, Clock clock) {
        this.store = store;
        this.scale = scale;
        this.clock = clock;
    }

    @GetMapping("/api/assessment/cases/{caseId}")
    @PreAuthorize("hasAnyRole('SUPERVISOR','ADMIN','SHIFT_LEAD','DISPATCHER')")
    CaseView caseFacts(@PathVariable String caseId) {
        CaseFacts facts = store.find(caseId).orElseThrow(() -> Problems.notFound("no facts for case " + caseId));
        ClockLedger ledger = ClockLedger.of(facts, clock.instant(), scale);
        var zone = clock.getZone();
        List<LedgerLine> lines = ledger.entries().stream()
                .map(entry -> new LedgerLine(entry.kind(), entry.kind().label(), entry.taskId(), entry.unitId(),
                        entry.phase(), entry.from().atZone(zone).toOffsetDateTime(),
                        entry.to().atZone(zone).toOffsetDateTime(), entry.workingSeconds() / 60.0))
                .toList();
        Map<LedgerKind, Long> totals = ledger.secondsByKind();
        return new CaseView(facts, ledger.elapsedSeconds() / 60.0, totals, lines);
    }

    /** The facts, the elapsed working minutes and the ledger that partitions them. */
    record CaseView(CaseFacts facts, double elapsedWorkingMinutes, Map<LedgerKind, Long> secondsByKind,
                    List<LedgerLine> ledger) {
    }

    /** One ledger stretch in local time with its working minutes. */
    record LedgerLine(LedgerKind kind, String label, String taskId, String unitId, int phase, OffsetDateTime from,
                      OffsetDateTime to, double workingMinutes) {
    }
}
