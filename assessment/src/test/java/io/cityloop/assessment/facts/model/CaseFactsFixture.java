package io.cityloop.assessment.facts.model;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.UUID;

/**
 * Builds case facts by replaying the steps a real case goes through, with times in Asia/Shanghai. Each
 * {@code dispatchedTo} starts a new task (a re-dispatch after a return is a new task); later task steps apply to it.
 */
public final class CaseFactsFixture {

    public static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    private CaseFacts facts;
    private final String caseId;
    private int taskCount;
    private String taskId;
    private String unitId = "district-610402";

    private CaseFactsFixture(String caseId) {
        this.facts = CaseFacts.firstSeen(caseId);
        this.caseId = caseId;
        this.taskId = caseId + "-T1";
    }

    public static CaseFactsFixture aCase(String caseId) {
        return new CaseFactsFixture(caseId);
    }

    public static Instant at(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(SHANGHAI).toInstant();
    }

    public CaseFactsFixture reportedIn(String district, String at) {
        return reported(district, at, "HOTLINE", null);
    }

    public CaseFactsFixture reportedByInspector(String district, String at, String inspector) {
        return reported(district, at, "INSPECTOR", inspector);
    }

    private CaseFactsFixture reported(String district, String at, String source, String reporter) {
        facts = facts.reported(id(), at(at), new CaseFacts.Report(source, reporter, district,
                district + "001001" + "0001", "02-01-01"));
        return this;
    }

    public CaseFactsFixture filed(String at) {
        return filedBy(at, "operator-01");
    }

    public CaseFactsFixture filedBy(String at, String operator) {
        facts = facts.filed(id(), at(at), new CaseFacts.Report(null, operator, facts.districtCode(),
                facts.gridCode(), facts.categoryCode()));
        return this;
    }

    /** 立案 by a user acting as shift lead (值班长). */
    public CaseFactsFixture filedByShiftLead(String at, String shiftLead) {
        facts = facts.filed(id(), at(at), new CaseFacts.Report(null, shiftLead, facts.districtCode(),
                facts.gridCode(), facts.categoryCode()), "shift-lead");
        return this;
    }

    public CaseFactsFixture reportedFrom(String source, String district, String at) {
        return reported(district, at, source, null);
    }

    public CaseFactsFixture rejected(String at, String operator) {
        facts = facts.rejected(id(), at(at), operator);
        return this;
    }

    public CaseFactsFixture dispatchedTo(String unit, String at, String deadline) {
        return dispatchedBy(unit, at, deadline, "dispatcher-01");
    }

    public CaseFactsFixture dispatchedBy(String unit, String at, String deadline, String dispatcher) {
        taskCount++;
        taskId = caseId + "-T" + taskCount;
        unitId = unit;
        facts = facts.dispatched(id(), new TaskAssignment(taskId, unit, unit, facts.districtCode(), at(at),
                at(deadline), dispatcher));
        return this;
    }

    public CaseFactsFixture accepted(String at) {
        return step(TaskStep.of(at(at), StepKind.ACCEPTED));
    }

    public CaseFactsFixture handled(String at) {
        return handled(at, true);
    }

    /** {@code onTime} is the command center's judgement; assessment decides from its ledger when it knows the dispatch. */
    public CaseFactsFixture handled(String at, boolean onTime) {
        return step(new TaskStep(at(at), StepKind.HANDLED, null, null, onTime, 0));
    }

    public CaseFactsFixture returned(String at) {
        return step(TaskStep.of(at(at), StepKind.RETURNED));
    }

    public CaseFactsFixture returnReviewed(String at, boolean justified) {
        return step(new TaskStep(at(at), StepKind.RETURN_REVIEWED, "dispatcher-01", null, justified, 0));
    }

    public CaseFactsFixture extensionApproved(String at, String newDeadline) {
        return step(new TaskStep(at(at), StepKind.EXTENSION_DECIDED, "dispatcher-01", at(newDeadline), true, 0));
    }

    public CaseFactsFixture suspended(String at) {
        return step(TaskStep.of(at(at), StepKind.SUSPENDED));
    }

    public CaseFactsFixture resumed(String at, String movedDeadline) {
        return step(new TaskStep(at(at), StepKind.RESUMED, null, at(movedDeadline), false, 0));
    }

    public CaseFactsFixture escalated(String at, int level) {
        return step(new TaskStep(at(at), StepKind.ESCALATED, "supervisor-01", null, false, level));
    }

    public CaseFactsFixture verificationRequested(String at, String inspector, String dueBy) {
        return step(new TaskStep(at(at), StepKind.VERIFICATION_REQUESTED, inspector, at(dueBy), false, 0));
    }

    public CaseFactsFixture reworkRequired(String at) {
        return step(new TaskStep(at(at), StepKind.REWORK_REQUIRED, "inspector-qd-01", null, false, 0));
    }

    public CaseFactsFixture reworkDispatched(String at, String deadline) {
        return step(new TaskStep(at(at), StepKind.REWORK_DISPATCHED, "dispatcher-01", at(deadline), false, 1));
    }

    public CaseFactsFixture verified(String at) {
        return step(new TaskStep(at(at), StepKind.VERIFIED, "inspector-qd-01", null, true, 0));
    }

    /** Verified and closed at the same instant. */
    public CaseFactsFixture closed(String at) {
        verified(at);
        facts = facts.closed(id(), at(at));
        return this;
    }

    public CaseFactsFixture mergedInto(String master, String at) {
        facts = facts.merged(id(), at(at), master);
        return this;
    }

    public CaseFactsFixture mergedBy(String master, String at, String operator) {
        facts = facts.merged(id(), at(at), master, operator);
        return this;
    }

    /** 核实派遣 by an operator; {@code onTime} is case-intake's 核实按时派发. */
    public CaseFactsFixture confirmationSentBy(String operator, String at, String inspector, String dueBy) {
        facts = facts.confirmationRequested(id(), at(at), inspector, operator, at(dueBy), null);
        return this;
    }

    /** 核实派遣 by the automatic rule (actor {@code confirmation-rule}, a system actor): no operator. */
    public CaseFactsFixture confirmationSentByRule(String at, String inspector, String dueBy) {
        facts = facts.confirmationRequested(id(), at(at), inspector, null, at(dueBy), true);
        return this;
    }

    /** 核实结果 by the inspector asked; {@code onTime} is whether it came by the due time (按时核实). */
    public CaseFactsFixture confirmationAnswered(String at, String result, boolean onTime) {
        facts = facts.confirmationAnswered(id(), at(at), facts.confirmation().assignee(), result, onTime);
        return this;
    }

    public CaseFactsFixture cancelled(String at) {
        facts = facts.cancelled(id(), at(at));
        return this;
    }

    public String taskId() {
        return taskId;
    }

    public CaseFacts facts() {
        return facts;
    }

    private CaseFactsFixture step(TaskStep step) {
        facts = facts.taskStep(id(), taskId, unitId, step);
        return this;
    }

    private static String id() {
        return UUID.randomUUID().toString();
    }
}
