package io.cityloop.intake.casefile.application;

import java.time.Clock;
import java.util.List;

import org.springframework.stereotype.Service;

import io.cityloop.intake.casefile.model.CaseCategory;
import io.cityloop.intake.casefile.model.CaseFile;
import io.cityloop.intake.casefile.model.CaseRuleViolation;
import io.cityloop.intake.casefile.model.NotPermittedException;
import io.cityloop.intake.casefile.model.Participant;
import io.cityloop.intake.casefile.model.RejectionReason;
import io.cityloop.intake.catalog.CatalogRegistry;
import io.cityloop.reference.Category;
import io.cityloop.reference.CategoryKind;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * 受理/立案: the operator's decision on a report: file, reject, merge into an open duplicate, or ask the reporter
 * for more; and the shift lead's corrections: undo a merge, cancel before dispatch (作废).
 */
@Service
public class FilingReview {

    private final CaseCommands commands;
    private final CatalogRegistry catalogs;
    private final Clock clock;
    private final MeterRegistry meters;

    FilingReview(CaseCommands commands, CatalogRegistry catalogs, Clock clock, MeterRegistry meters) {
        this.commands = commands;
        this.catalogs = catalogs;
        this.clock = clock;
        this.meters = meters;
    }

    public List<CaseFile> queue(int limit) {
        return commands.store().filingQueue(limit);
    }

    public CaseFile file(String caseId, Participant operator, String note) {
        return file(caseId, operator, note, null);
    }

    /** Files a case; {@code componentOwner} names the owner's unit of a component case, or is null. */
    public CaseFile file(String caseId, Participant operator, String note, String componentOwner) {
        CaseFile file = commands.apply(caseId, c -> c.file(operator, note, componentOwner,
                componentOwner == null ? null : kindOf(c.category()), clock.instant()));
        meters.counter("cityloop_cases_filed_total", "district", file.location().districtCode(),
                "category", file.category().code()).increment();
        return file;
    }

    /** As the catalog version the case was reported under defines the category. */
    private CategoryKind kindOf(CaseCategory category) {
        return catalogs.find(category.catalogVersion(), category.code()).map(Category::kind).orElseThrow(() ->
                new IllegalStateException("no category " + category.code() + " in any catalog version"));
    }

    public CaseFile reject(String caseId, Participant operator, RejectionReason reason, String note) {
        CaseFile file = commands.apply(caseId, c -> c.reject(operator, reason, note, clock.instant()));
        meters.counter("cityloop_cases_rejected_total", "reason", reason.name()).increment();
        return file;
    }

    /**
     * 合并: the duplicate is saved MERGED first, then its reporter is credited on the master. Without transactions a
     * crash in between leaves a merge without the credit, never a credit without the merge.
     */
    public CaseFile merge(String caseId, String masterCaseId, Participant operator, String reason) {
        if (masterCaseId == null || masterCaseId.isBlank()) {
            throw new CaseRuleViolation("masterCaseId", "required", "a merge names the master case");
        }
        CaseFile master = commands.store().find(masterCaseId).orElseThrow(() -> new CaseRuleViolation(
                "masterCaseId", "known-case", "no case " + masterCaseId));
        CaseFile duplicate = commands.apply(caseId, c -> c.mergeInto(master, operator, reason, clock.instant()));
        commands.apply(masterCaseId, m -> m.creditReporter(duplicate.reporter()));
        meters.counter("cityloop_cases_merged_total", "category", duplicate.category().code()).increment();
        return duplicate;
    }

    /** 撤销合并 by a shift lead: the report is its own case again and its reporter's credit is withdrawn. */
    public CaseFile unmerge(String caseId, Participant shiftLead, String reason) {
        String master = commands.load(caseId).masterCaseId();
        CaseFile file = commands.apply(caseId, c -> c.unmerge(shiftLead, reason, clock.instant()));
        if (master != null) {
            commands.apply(master, m -> m.withdrawCredit(file.reporter()));
        }
        return file;
    }

    public CaseFile requestInformation(String caseId, Participant operator, String question) {
        return commands.apply(caseId, c -> c.requestInformation(operator, question, clock.instant()));
    }

    public CaseFile supplyInformation(String caseId, Participant by, String answer) {
        CaseFile current = commands.load(caseId);
        boolean reporter = current.reporter().id().equals(by.id());
        if (!reporter && !"operator".equals(by.role()) && !"shift-lead".equals(by.role())) {
            throw new NotPermittedException(
                    "only the reporter or an operator may add information to " + caseId);
        }
        return commands.apply(caseId, c -> c.supplyInformation(by, answer, clock.instant()));
    }

    public CaseFile cancel(String caseId, Participant shiftLead, String reason) {
        CaseFile file = commands.apply(caseId, c -> c.cancel(shiftLead, reason, clock.instant()));
        meters.counter("cityloop_cases_cancelled_total", "district", file.location().districtCode()).increment();
        return file;
    }
}
