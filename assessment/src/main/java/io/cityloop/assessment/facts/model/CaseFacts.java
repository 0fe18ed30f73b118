package io.cityloop.assessment.facts.model;

import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.UnaryOperator;

/**
 * 案件事实: everything the evaluation (考核) needs to know about one case, projected from both axes' events.
 *
 * <p>Every change names the event that causes it and is applied at most once: a redelivered or replayed event
 * returns the same instance. Events may arrive before the case's report (the two axes publish independently), so a
 * case is created on first sight and later facts fill it in. Facts keep their business time.
 *
 * @param districtCode    the district (区县) where the problem is: as filed, else as reported
 * @param gridCode        the unit grid cell (万米单元网格): as filed, else as reported
 * @param source          how it was reported (INSPECTOR, HOTLINE, PUBLIC, …)
 * @param reporter        who reported it (the inspector for inspector reports)
 * @param filedBy         the operator (受理员) who filed it
 * @param filedByRole     the role it filed in ({@code operator}, {@code shift-lead}); {@code null} when not known
 * @param rejectedBy      the operator who rejected it (不予立案)
 * @param mergedInto      the master case while this case is merged as a duplicate (合并), else {@code null}
 * @param mergeDecidedAt  business time of the latest merge or unmerge, which wins whatever the arrival order
 * @param mergedBy        the operator who merged it (of the merge in force), {@code null} when not merged or unknown
 * @param confirmation    the 核实 before filing (a report not from an inspector sent to one to confirm on site), or
 *                        {@code null} when the report was not sent to be confirmed
 * @param tasks           every task of the case, ordered by task id whatever order their events arrived in
 * @param appliedEventIds ids of the events already applied, the proof of idempotence
 */
public record CaseFacts(
        String caseId,
        String districtCode,
        String gridCode,
        String categoryCode,
        String source,
        String reporter,
        Instant reportedAt,
        Instant filedAt,
        String filedBy,
        String filedByRole,
        Instant rejectedAt,
        String rejectedBy,
        Instant cancelledAt,
        String mergedInto,
        Instant mergeDecidedAt,
        String mergedBy,
        Instant closedAt,
        Confirmation confirmation,
        List<TaskFacts> tasks,
        List<String> appliedEventIds) {

    public CaseFacts {
        tasks = List.copyOf(tasks);
        appliedEventIds = List.copyOf(appliedEventIds);
    }

    public static CaseFacts firstSeen(String caseId) {
        return new CaseFacts(caseId, null, null, null, null, null, null, null, null, null, null, null, null, null,
                null, null, null, null, List.of(), List.of());
    }

    public boolean hasApplied(String eventId) {
        return appliedEventIds.contains(eventId);
    }

    /** 信息采集. The filing decision, when known, outranks the report's district, cell and category. */
    public CaseFacts reported(String eventId, Instant at, Report report) {
        if (hasApplied(eventId)) {
            return this;
        }
        boolean filingKnown = filedAt != null;
        Builder next = edit(eventId);
        next.reportedAt = at;
        next.source = report.source();
        next.reporter = report.reporter();
        next.districtCode = filingKnown && districtCode != null ? districtCode : report.districtCode();
        next.gridCode = filingKnown && gridCode != null ? gridCode : report.gridCode();
        next.categoryCode = filingKnown && categoryCode != null ? categoryCode : report.categoryCode();
        return next.build();
    }

    /** 立案. */
    public CaseFacts filed(String eventId, Instant at, Report filing) {
        return filed(eventId, at, filing, null);
    }

    /** 立案 by {@code filing.reporter()} acting in {@code role}. */
    public CaseFacts filed(String eventId, Instant at, Report filing, String role) {
        if (hasApplied(eventId)) {
            return this;
        }
        Builder next = edit(eventId);
        next.filedAt = at;
        next.filedBy = filing.reporter();
        next.filedByRole = role;
        next.districtCode = orElse(filing.districtCode(), districtCode);
        next.gridCode = orElse(filing.gridCode(), gridCode);
        next.categoryCode = orElse(filing.categoryCode(), categoryCode);
        return next.build();
    }

    /** 不予立案. */
    public CaseFacts rejected(String eventId, Instant at, String operator) {
        if (hasApplied(eventId)) {
            return this;
        }
        Builder next = edit(eventId);
        next.rejectedAt = at;
        next.rejectedBy = operator;
        return next.build();
    }

    /** 作废. */
    public CaseFacts cancelled(String eventId, Instant at) {
        if (hasApplied(eventId)) {
            return this;
        }
        Builder next = edit(eventId);
        next.cancelledAt = at;
        return next.build();
    }

    /** 合并 into a master case; the later of merge and unmerge by business time decides. */
    public CaseFacts merged(String eventId, Instant at, String masterCaseId) {
        return merged(eventId, at, masterCaseId, null);
    }

    /** 合并 into a master case by an operator. */
    public CaseFacts merged(String eventId, Instant at, String masterCaseId, String operator) {
        return mergeDecision(eventId, at, masterCaseId, operator);
    }

    /** The merge was undone: the case stands on its own again. */
    public CaseFacts unmerged(String eventId, Instant at) {
        return mergeDecision(eventId, at, null, null);
    }

    /** 结案. */
    public CaseFacts closed(String eventId, Instant at) {
        if (hasApplied(eventId)) {
            return this;
        }
        Builder next = edit(eventId);
        next.closedAt = at;
        return next.build();
    }

    /**
     * 核实派遣: the report was sent to {@code inspector} to confirm on site by {@code dueBy}.
     *
     * @param operator   who sent it, {@code null} for the automatic rule
     * @param sentOnTime case-intake's 核实按时派发, {@code null} when not tracked
     */
    public CaseFacts confirmationRequested(String eventId, Instant at, String inspector, String operator,
                                           Instant dueBy, Boolean sentOnTime) {
        if (hasApplied(eventId)) {
            return this;
        }
        Builder next = edit(eventId);
        next.confirmation = confirmationSoFar().requested(inspector, at, operator, dueBy, sentOnTime);
        return next.build();
    }

    /** 核实结果: {@code CONFIRMED} (属实) or {@code REFUTED} (不属实), answered by {@code by}, on time or not (按时核实). */
    public CaseFacts confirmationAnswered(String eventId, Instant at, String by, String result, boolean onTime) {
        if (hasApplied(eventId)) {
            return this;
        }
        Builder next = edit(eventId);
        next.confirmation = confirmationSoFar().answered(at, by, result, onTime);
        return next.build();
    }

    /** 派遣: a task for a handling unit with its deadline. */
    public CaseFacts dispatched(String eventId, TaskAssignment assignment) {
        if (hasApplied(eventId)) {
            return this;
        }
        return withTask(eventId, assignment.taskId(), assignment.unitId(), task -> task.assigned(assignment));
    }

    /** Any other step of a task (accept, handle, return, extension, suspension, escalation, verification, rework). */
    public CaseFacts taskStep(String eventId, String taskId, String unitId, TaskStep step) {
        if (hasApplied(eventId)) {
            return this;
        }
        return withTask(eventId, taskId, unitId, task -> task.with(step));
    }

    /** An event assessment has no fact for, remembered so that it is counted once like every other. */
    public CaseFacts noted(String eventId) {
        if (hasApplied(eventId)) {
            return this;
        }
        return edit(eventId).build();
    }

    public Optional<TaskFacts> task(String taskId) {
        return tasks.stream().filter(task -> task.taskId().equals(taskId)).findFirst();
    }

    /** The 核实 known so far, empty before its first event: request and answer may arrive in either order. */
    private Confirmation confirmationSoFar() {
        return confirmation != null ? confirmation : Confirmation.NONE;
    }

    /** Whether the case was closed strictly before {@code cutOff}. */
    public boolean closedBefore(Instant cutOff) {
        return closedAt != null && closedAt.isBefore(cutOff);
    }

    /** Whether at {@code cutOff} the case is a duplicate merged into another (duplicates count once: not here). */
    public boolean mergedAt(Instant cutOff) {
        return mergedInto != null && mergeDecidedAt.isBefore(cutOff);
    }

    public boolean rejectedBefore(Instant cutOff) {
        return rejectedAt != null && rejectedAt.isBefore(cutOff);
    }

    public boolean cancelledBefore(Instant cutOff) {
        return cancelledAt != null && cancelledAt.isBefore(cutOff);
    }

    /** The district a task's problem lies in: the case's, else the one the dispatch named. */
    public String districtOf(TaskFacts task) {
        return districtCode != null ? districtCode : task.districtCode();
    }

    /** 街道: the street part of the cell code (6-digit district + 3-digit street). */
    public String streetCode() {
        return gridCode != null && gridCode.length() >= 9 ? gridCode.substring(0, 9) : null;
    }

    /**
     * The months this case counts in (考核月): those of its report, filing decision, every dispatch, every task's
     * current deadline, every verification request and the confirmation request (核实) — whatever a scorecard of
     * that month may count.
     */
    public List<String> countsIn(ZoneId zone) {
        TreeSet<String> months = new TreeSet<>();
        addMonth(months, reportedAt, zone);
        addMonth(months, filedAt, zone);
        addMonth(months, rejectedAt, zone);
        if (confirmation != null) {
            addMonth(months, confirmation.requestedAt(), zone);
        }
        for (TaskFacts task : tasks) {
            addMonth(months, task.deadline(), zone);
            addMonthsUntilHandled(months, task, zone);
            for (TaskStep step : task.steps()) {
                if (step.kind() == StepKind.DISPATCHED || step.kind() == StepKind.VERIFICATION_REQUESTED
                        || step.kind() == StepKind.RETURNED) {
                    addMonth(months, step.at(), zone);
                }
            }
        }
        return List.copyOf(months);
    }

    /**
     * The month (yyyy-MM) of the earliest deadline among tasks still open — dispatched, neither returned nor handled
     * (or reopened by a failed check since), the case neither closed, cancelled nor merged — or {@code null}. Later
     * months load such a case although it is not in their {@link #countsIn}: a scheme may carry it as overdue
     * backlog until it is handled.
     */
    public String openFrom(ZoneId zone) {
        if (closedAt != null || cancelledAt != null || mergedInto != null) {
            return null;
        }
        Instant earliest = null;
        for (TaskFacts task : tasks) {
            if (task.openAt(Instant.MAX) && task.deadline() != null
                    && (earliest == null || task.deadline().isBefore(earliest))) {
                earliest = task.deadline();
            }
        }
        return earliest == null ? null : YearMonth.from(earliest.atZone(zone)).toString();
    }

    /** A task handled after the month of its deadline counts in every month between, as carried backlog may. */
    private static void addMonthsUntilHandled(TreeSet<String> months, TaskFacts task, ZoneId zone) {
        Instant deadline = task.deadline();
        Instant handled = task.lastHandlingBefore(Instant.MAX).map(Handling::at).orElse(null);
        if (deadline == null || handled == null || !handled.isAfter(deadline)) {
            return;
        }
        YearMonth last = YearMonth.from(handled.atZone(zone));
        for (YearMonth month = YearMonth.from(deadline.atZone(zone)); !month.isAfter(last);
                month = month.plusMonths(1)) {
            months.add(month.toString());
        }
    }

    private static void addMonth(TreeSet<String> months, Instant at, ZoneId zone) {
        if (at != null) {
            months.add(YearMonth.from(at.atZone(zone)).toString());
        }
    }

    private CaseFacts mergeDecision(String eventId, Instant at, String master, String operator) {
        if (hasApplied(eventId)) {
            return this;
        }
        Builder next = edit(eventId);
        if (mergeDecidedAt == null || !at.isBefore(mergeDecidedAt)) {
            next.mergedInto = master;
            next.mergeDecidedAt = at;
            next.mergedBy = operator;
        }
        return next.build();
    }

    private CaseFacts withTask(String eventId, String taskId, String unitId, UnaryOperator<TaskFacts> change) {
        List<TaskFacts> changed = new ArrayList<>(tasks.size() + 1);
        boolean found = false;
        for (TaskFacts task : tasks) {
            if (task.taskId().equals(taskId)) {
                changed.add(change.apply(task.ownedBy(unitId)));
                found = true;
            } else {
                changed.add(task);
            }
        }
        if (!found) {
            changed.add(change.apply(TaskFacts.firstSeen(taskId, unitId)));
            changed.sort(java.util.Comparator.comparing(TaskFacts::taskId));
        }
        Builder next = edit(eventId);
        next.tasks = changed;
        return next.build();
    }

    private Builder edit(String eventId) {
        Builder builder = new Builder(this);
        List<String> ids = new ArrayList<>(appliedEventIds.size() + 1);
        ids.addAll(appliedEventIds);
        ids.add(eventId);
        builder.appliedEventIds = ids;
        return builder;
    }

    private static String orElse(String value, String fallback) {
        return value != null ? value : fallback;
    }

    /** What a report or a filing says about where and what the problem is, and who said it. */
    public record Report(String source, String reporter, String districtCode, String gridCode, String categoryCode) {
    }

    /** Copies every field so that a change names only what it changes. */
    private static final class Builder {
        private final String caseId;
        private String districtCode;
        private String gridCode;
        private String categoryCode;
        private String source;
        private String reporter;
        private Instant reportedAt;
        private Instant filedAt;
        private String filedBy;
        private String filedByRole;
        private Instant rejectedAt;
        private String rejectedBy;
        private Instant cancelledAt;
        private String mergedInto;
        private Instant mergeDecidedAt;
        private String mergedBy;
        private Instant closedAt;
        private Confirmation confirmation;
        private List<TaskFacts> tasks;
        private List<String> appliedEventIds;

        private Builder(CaseFacts facts) {
            caseId = facts.caseId;
            districtCode = facts.districtCode;
            gridCode = facts.gridCode;
            categoryCode = facts.categoryCode;
            source = facts.source;
            reporter = facts.reporter;
            reportedAt = facts.reportedAt;
            filedAt = facts.filedAt;
            filedBy = facts.filedBy;
            filedByRole = facts.filedByRole;
            rejectedAt = facts.rejectedAt;
            rejectedBy = facts.rejectedBy;
            cancelledAt = facts.cancelledAt;
            mergedInto = facts.mergedInto;
            mergeDecidedAt = facts.mergeDecidedAt;
            mergedBy = facts.mergedBy;
            closedAt = facts.closedAt;
            confirmation = facts.confirmation;
            tasks = facts.tasks;
            appliedEventIds = facts.appliedEventIds;
        }

        private CaseFacts build() {
            return new CaseFacts(caseId, districtCode, gridCode, categoryCode, source, reporter, reportedAt, filedAt,
                    filedBy, filedByRole, rejectedAt, rejectedBy, cancelledAt, mergedInto, mergeDecidedAt, mergedBy,
                    closedAt, confirmation, tasks, appliedEventIds);
        }
    }
}
