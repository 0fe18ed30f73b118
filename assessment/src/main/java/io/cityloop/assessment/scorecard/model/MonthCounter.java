package io.cityloop.assessment.scorecard.model;

import static io.cityloop.assessment.scheme.model.Measure.CONFIRMATIONS;
import static io.cityloop.assessment.scheme.model.Measure.CONFIRMATIONS_SENT;
import static io.cityloop.assessment.scheme.model.Measure.CONFIRMATIONS_SENT_ON_TIME;
import static io.cityloop.assessment.scheme.model.Measure.CONFIRMED_ON_TIME;
import static io.cityloop.assessment.scheme.model.Measure.DECIDED_ON_TIME;
import static io.cityloop.assessment.scheme.model.Measure.DECISIONS;
import static io.cityloop.assessment.scheme.model.Measure.DISPATCHED_ON_TIME;
import static io.cityloop.assessment.scheme.model.Measure.DISPATCHES;
import static io.cityloop.assessment.scheme.model.Measure.FILED;
import static io.cityloop.assessment.scheme.model.Measure.FILED_ACCURATE;
import static io.cityloop.assessment.scheme.model.Measure.FILED_ON_TIME;
import static io.cityloop.assessment.scheme.model.Measure.MERGES;
import static io.cityloop.assessment.scheme.model.Measure.MISSED;
import static io.cityloop.assessment.scheme.model.Measure.PUBLIC_FILED;
import static io.cityloop.assessment.scheme.model.Measure.REPORTED;
import static io.cityloop.assessment.scheme.model.Measure.RETURNED_JUSTIFIED;
import static io.cityloop.assessment.scheme.model.Measure.VALID_REPORTED;
import static io.cityloop.assessment.scheme.model.Measure.VERIFICATIONS;
import static io.cityloop.assessment.scheme.model.Measure.VERIFIED_ON_TIME;

import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

import io.cityloop.assessment.facts.model.CaseFacts;
import io.cityloop.assessment.facts.model.Confirmation;
import io.cityloop.assessment.facts.model.StepKind;
import io.cityloop.assessment.facts.model.TaskFacts;
import io.cityloop.assessment.facts.model.TaskStep;
import io.cityloop.assessment.ledger.model.ClockLedger;
import io.cityloop.assessment.ledger.model.WorkingTimeScale;
import io.cityloop.assessment.scheme.model.CountingRules;
import io.cityloop.assessment.scheme.model.Measure;
import io.cityloop.assessment.scheme.model.Scope;

/**
 * Turns a month's case facts into contributions to the rows of every scorecard. One pass over the cases feeds
 * the totals and, filtered, the drill-down, so both always agree.
 *
 * <p>Duplicates count once: a case merged into a master (合并) contributes its report only.
 *
 * <p>The scheme's counting rules decide what changed with scheme 2026.2 (see {@link CountingRules}): 返工数 as tasks,
 * 漏报 as confirmed problems first reported by citizens, merges as decisions, the overdue backlog carried.
 */
final class MonthCounter {

    static final String INSPECTOR_SOURCE = "INSPECTOR";
    /** 监督举报: the citizens' channels (12345 hotline, public reports), not sensors nor video detection. */
    static final Set<String> CITIZEN_SOURCES = Set.of("HOTLINE", "PUBLIC");
    static final String SHIFT_LEAD_ROLE = "shift-lead";

    private final ScoringPeriod period;
    private final WorkingTimeScale scale;
    private final TaskClock clock;
    private final CountingRules rules;
    private final Map<String, List<String>> inspectorsByDistrict;
    private final Corrections corrections;

    MonthCounter(ScoringPeriod period, WorkingTimeScale scale, CountingRules rules,
                 Map<String, List<String>> inspectorsByDistrict, Corrections corrections) {
        this.period = period;
        this.scale = scale;
        this.clock = new TaskClock(scale);
        this.rules = rules;
        this.inspectorsByDistrict = inspectorsByDistrict;
        this.corrections = corrections;
    }

    void count(Collection<CaseFacts> cases, Consumer<Contribution> sink) {
        Map<String, Instant> inspectorDuplicates = rules.missedOwnAreaConfirmedFirst()
                ? inspectorDuplicates(cases) : Map.of();
        for (CaseFacts theCase : cases) {
            count(theCase, inspectorDuplicates, sink);
        }
    }

    void count(CaseFacts theCase, Consumer<Contribution> sink) {
        count(theCase, Map.of(), sink);
    }

    /** Master case id → the earliest inspector report merged into it as a duplicate, at the cut-off. */
    private Map<String, Instant> inspectorDuplicates(Collection<CaseFacts> cases) {
        Map<String, Instant> earliest = new HashMap<>();
        for (CaseFacts theCase : cases) {
            if (theCase.mergedAt(period.cutOff()) && INSPECTOR_SOURCE.equals(theCase.source())
                    && theCase.reportedAt() != null) {
                earliest.merge(theCase.mergedInto(), theCase.reportedAt(),
                        (a, b) -> a.isBefore(b) ? a : b);
            }
        }
        return earliest;
    }

    private void count(CaseFacts theCase, Map<String, Instant> inspectorDuplicates, Consumer<Contribution> sink) {
        Instant cutOff = period.cutOff();
        boolean merged = theCase.mergedAt(cutOff);
        if (!merged) {
            countTasks(theCase, sink);
        }
        countReport(theCase, merged, inspectorDuplicates, sink);
        countDecision(theCase, merged, sink);
        countMerge(theCase, merged, sink);
        countConfirmation(theCase, sink);
        for (TaskFacts task : theCase.tasks()) {
            countDispatch(theCase, task, sink);
            countVerifications(theCase, task, sink);
        }
    }

    private void countTasks(CaseFacts theCase, Consumer<Contribution> sink) {
        ClockLedger ledger = null;
        for (TaskFacts task : theCase.tasks()) {
            if (task.unitId() == null) {
                continue;
            }
            boolean carried = !period.counts(task) && carried(theCase, task);
            if (!period.counts(task) && !carried) {
                continue;
            }
            if (ledger == null) {
                ledger = ClockLedger.of(theCase, period.cutOff(), scale);
            }
            long[] counts = TaskVerdict.counts(theCase, task, ledger, clock, period.cutOff(), rules,
                    corrections.of(theCase.caseId(), task.taskId()), carried ? period.month().start() : null);
            if (counts == null) {
                continue;
            }
            sink.accept(new Contribution(Scope.UNIT, task.unitId(), theCase.caseId(), task.taskId(), counts));
            String district = theCase.districtOf(task);
            if (district != null) {
                sink.accept(new Contribution(Scope.DISTRICT, district, theCase.caseId(), task.taskId(),
                        counts.clone()));
            }
        }
    }

    /**
     * 结转超期: under the scheme's rule, a task whose deadline fell in an earlier month and which was open and overdue
     * when this month began, its case neither closed, cancelled nor merged, counts again in this month.
     */
    private boolean carried(CaseFacts theCase, TaskFacts task) {
        Instant start = period.month().start();
        Instant deadline = task.deadline();
        if (!rules.carryOverdueBacklog() || deadline == null || !deadline.isBefore(start)
                || theCase.closedBefore(start) || theCase.cancelledBefore(period.cutOff())
                || !task.openAt(start)) {
            return false;
        }
        ClockLedger atStart = ClockLedger.of(theCase, start, scale);
        int phase = clock.phaseAt(task, start);
        return atStart.unitSeconds(task.taskId(), phase) > clock.allowance(task, phase, start);
    }

    private void countReport(CaseFacts theCase, boolean merged, Map<String, Instant> inspectorDuplicates,
                             Consumer<Contribution> sink) {
        boolean reported = period.happenedIn(theCase.reportedAt());
        boolean filed = !merged && period.happenedIn(theCase.filedAt());
        if (theCase.districtCode() == null || !reported && !filed) {
            return;
        }
        boolean valid = reported && !merged && !theCase.rejectedBefore(period.cutOff());
        long[] counts = Contribution.empty();
        counts[REPORTED.ordinal()] = reported ? 1 : 0;
        counts[VALID_REPORTED.ordinal()] = valid ? 1 : 0;
        counts[FILED.ordinal()] = filed ? 1 : 0;
        counts[PUBLIC_FILED.ordinal()] = filed && CITIZEN_SOURCES.contains(theCase.source()) ? 1 : 0;
        sink.accept(new Contribution(Scope.DISTRICT, theCase.districtCode(), theCase.caseId(), null, counts));
        if (rules.missedOwnAreaConfirmedFirst()) {
            countMissed(theCase, merged, inspectorDuplicates, sink);
        }
        if (!reported) {
            return;
        }
        if (INSPECTOR_SOURCE.equals(theCase.source()) && theCase.reporter() != null) {
            long[] own = Contribution.empty();
            own[REPORTED.ordinal()] = 1;
            own[VALID_REPORTED.ordinal()] = valid ? 1 : 0;
            sink.accept(new Contribution(Scope.INSPECTOR, theCase.reporter(), theCase.caseId(), null, own));
        } else if (valid && !rules.missedOwnAreaConfirmedFirst()) {
            for (String inspector : inspectorsByDistrict.getOrDefault(theCase.districtCode(), List.of())) {
                sink.accept(single(Scope.INSPECTOR, inspector, theCase, null, MISSED));
            }
        }
    }

    /**
     * 漏报 (scheme 2026.2): a problem reported by a citizen (hotline, public), confirmed by its filing in the month —
     * not cancelled, not itself a duplicate — and not found earlier by an inspector whose report was merged into it,
     * counts for each inspector whose area covers the problem's place. Reference data gives inspector areas as
     * districts, so "own cells" are the cells of the districts an inspector covers.
     */
    private void countMissed(CaseFacts theCase, boolean merged, Map<String, Instant> inspectorDuplicates,
                             Consumer<Contribution> sink) {
        if (merged || !CITIZEN_SOURCES.contains(theCase.source()) || !period.happenedIn(theCase.filedAt())
                || theCase.cancelledBefore(period.cutOff())) {
            return;
        }
        Instant inspectorFound = inspectorDuplicates.get(theCase.caseId());
        if (inspectorFound != null && theCase.reportedAt() != null && !inspectorFound.isAfter(theCase.reportedAt())) {
            return;
        }
        for (String inspector : inspectorsByDistrict.getOrDefault(theCase.districtCode(), List.of())) {
            sink.accept(single(Scope.INSPECTOR, inspector, theCase, null, MISSED));
        }
    }

    /** 合并 as an operator's decision: counted as 合并数 always, in 受理数 where the scheme says so. */
    private void countMerge(CaseFacts theCase, boolean merged, Consumer<Contribution> sink) {
        if (!merged || theCase.mergedBy() == null || !period.happenedIn(theCase.mergeDecidedAt())) {
            return;
        }
        long[] counts = Contribution.empty();
        counts[MERGES.ordinal()] = 1;
        if (rules.mergeCountsAsDecision()) {
            counts[DECISIONS.ordinal()] = 1;
            counts[DECIDED_ON_TIME.ordinal()] = within(theCase.reportedAt(), theCase.mergeDecidedAt(),
                    rules.operatorLimitMinutes()) ? 1 : 0;
        }
        sink.accept(new Contribution(Scope.OPERATOR, theCase.mergedBy(), theCase.caseId(), null, counts));
    }

    /**
     * When the operator's 受理 clock for the decision started: at the report, or — for a report that an inspector
     * confirmed on site (核实属实) before the decision — at the answer, when the report came back to the queue; the
     * time on site is the inspector's, counted in 按时核实率, not the operator's.
     */
    private static Instant decisionClockStart(CaseFacts theCase, Instant decidedAt) {
        Confirmation confirmation = theCase.confirmation();
        if (confirmation != null && confirmation.answeredAt() != null && "CONFIRMED".equals(confirmation.result())
                && !confirmation.answeredAt().isAfter(decidedAt)) {
            return confirmation.answeredAt();
        }
        return theCase.reportedAt();
    }

    private void countDecision(CaseFacts theCase, boolean merged, Consumer<Contribution> sink) {
        boolean filed = period.happenedIn(theCase.filedAt()) && theCase.filedBy() != null;
        boolean rejected = !filed && period.happenedIn(theCase.rejectedAt()) && theCase.rejectedBy() != null;
        if (!filed && !rejected) {
            return;
        }
        Instant decidedAt = filed ? theCase.filedAt() : theCase.rejectedAt();
        long[] counts = Contribution.empty();
        counts[DECISIONS.ordinal()] = 1;
        counts[DECIDED_ON_TIME.ordinal()] = within(decisionClockStart(theCase, decidedAt), decidedAt,
                rules.operatorLimitMinutes()) ? 1 : 0;
        counts[FILED.ordinal()] = filed ? 1 : 0;
        counts[FILED_ACCURATE.ordinal()] = filed && !merged && !theCase.cancelledBefore(period.cutOff()) ? 1 : 0;
        sink.accept(new Contribution(Scope.OPERATOR, filed ? theCase.filedBy() : theCase.rejectedBy(),
                theCase.caseId(), null, counts));
        if (filed && SHIFT_LEAD_ROLE.equals(theCase.filedByRole())) {
            long[] lead = Contribution.empty();
            lead[FILED.ordinal()] = 1;
            lead[FILED_ON_TIME.ordinal()] = within(theCase.reportedAt(), decidedAt, rules.shiftLeadLimit()) ? 1 : 0;
            lead[FILED_ACCURATE.ordinal()] = counts[FILED_ACCURATE.ordinal()];
            sink.accept(new Contribution(Scope.SHIFT_LEAD, theCase.filedBy(), theCase.caseId(), null, lead));
        }
    }

    /**
     * 核实: a confirmation requested in the month counts for the inspector asked (核实数, and 按时核实数 when answered
     * by its due time before the cut-off) and for the operator who sent it (核实派发数, 核实按时派发数), not for the
     * automatic rule. It counts whatever became of the case (merged, rejected as not confirmed): the site visit and
     * the sending were done either way.
     */
    private void countConfirmation(CaseFacts theCase, Consumer<Contribution> sink) {
        Confirmation confirmation = theCase.confirmation();
        if (confirmation == null || confirmation.requestedAt() == null
                || !period.happenedIn(confirmation.requestedAt())) {
            return;
        }
        if (confirmation.assignee() != null) {
            long[] asked = Contribution.empty();
            asked[CONFIRMATIONS.ordinal()] = 1;
            asked[CONFIRMED_ON_TIME.ordinal()] = confirmation.answeredOnTimeBefore(period.cutOff()) ? 1 : 0;
            sink.accept(new Contribution(Scope.INSPECTOR, confirmation.assignee(), theCase.caseId(), null, asked));
        }
        if (confirmation.sentByOperator()) {
            long[] sent = Contribution.empty();
            sent[CONFIRMATIONS_SENT.ordinal()] = 1;
            sent[CONFIRMATIONS_SENT_ON_TIME.ordinal()] = sentInTime(theCase, confirmation) ? 1 : 0;
            sink.accept(new Contribution(Scope.OPERATOR, confirmation.requestedBy(), theCase.caseId(), null, sent));
        }
    }

    /**
     * 核实按时派发: sending a report to be confirmed is the operator's first answer to it, so it is timed as 受理 is,
     * within the scheme's operator limit of the report. Without the report (its event lost or late) case-intake's
     * own judgement decides.
     */
    private boolean sentInTime(CaseFacts theCase, Confirmation confirmation) {
        if (theCase.reportedAt() == null) {
            return Boolean.TRUE.equals(confirmation.dispatchedOnTime());
        }
        return within(theCase.reportedAt(), confirmation.requestedAt(), rules.operatorLimitMinutes());
    }

    private void countDispatch(CaseFacts theCase, TaskFacts task, Consumer<Contribution> sink) {
        TaskStep dispatch = task.dispatch().orElse(null);
        if (dispatch == null || dispatch.actor() == null || !period.happenedIn(dispatch.at())) {
            return;
        }
        long[] counts = Contribution.empty();
        counts[DISPATCHES.ordinal()] = 1;
        counts[DISPATCHED_ON_TIME.ordinal()] = within(readyForDispatch(theCase, task), dispatch.at(),
                rules.dispatcherLimitMinutes()) ? 1 : 0;
        counts[RETURNED_JUSTIFIED.ordinal()] = task.returnJudgementBefore(period.cutOff()).orElse(false) ? 1 : 0;
        sink.accept(new Contribution(Scope.DISPATCHER, dispatch.actor(), theCase.caseId(), task.taskId(), counts));
    }

    /** A first dispatch answers the filing; a re-dispatch answers the latest return before it. */
    private static Instant readyForDispatch(CaseFacts theCase, TaskFacts task) {
        Instant dispatchedAt = task.dispatchedAt();
        Instant ready = theCase.filedAt();
        for (TaskFacts other : theCase.tasks()) {
            for (TaskStep step : other.stepsOf(StepKind.RETURNED)) {
                if (step.at().isBefore(dispatchedAt) && (ready == null || step.at().isAfter(ready))) {
                    ready = step.at();
                }
            }
        }
        return ready;
    }

    private void countVerifications(CaseFacts theCase, TaskFacts task, Consumer<Contribution> sink) {
        List<TaskStep> steps = task.steps();
        for (int i = 0; i < steps.size(); i++) {
            TaskStep request = steps.get(i);
            if (request.kind() != StepKind.VERIFICATION_REQUESTED || request.actor() == null
                    || !period.happenedIn(request.at())) {
                continue;
            }
            long[] counts = Contribution.empty();
            counts[VERIFICATIONS.ordinal()] = 1;
            counts[VERIFIED_ON_TIME.ordinal()] = answeredInTime(steps, i) ? 1 : 0;
            sink.accept(new Contribution(Scope.INSPECTOR, request.actor(), theCase.caseId(), task.taskId(), counts));
        }
    }

    private boolean answeredInTime(List<TaskStep> steps, int requestIndex) {
        TaskStep request = steps.get(requestIndex);
        for (int j = requestIndex + 1; j < steps.size(); j++) {
            TaskStep answer = steps.get(j);
            if ((answer.kind() == StepKind.VERIFIED || answer.kind() == StepKind.REWORK_REQUIRED)
                    && answer.before(period.cutOff())) {
                return request.deadline() == null || !answer.at().isAfter(request.deadline());
            }
        }
        return false;
    }

    private boolean within(Instant from, Instant to, int limitMinutes) {
        return from != null && to != null && scale.secondsBetween(from, to) <= limitMinutes * 60L;
    }

    private static Contribution single(Scope scope, String entity, CaseFacts theCase, String taskId,
                                       Measure measure) {
        long[] counts = Contribution.empty();
        counts[measure.ordinal()] = 1;
        return new Contribution(scope, entity, theCase.caseId(), taskId, counts);
    }
}
