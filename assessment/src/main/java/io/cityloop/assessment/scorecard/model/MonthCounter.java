package io.cityloop.assessment.scorecard.model;

import static io.cityloop.assessment.scheme.model.Measure.DECIDED_ON_TIME;
import static io.cityloop.assessment.scheme.model.Measure.DECISIONS;
import static io.cityloop.assessment.scheme.model.Measure.DISPATCHED_ON_TIME;
import static io.cityloop.assessment.scheme.model.Measure.DISPATCHES;
import static io.cityloop.assessment.scheme.model.Measure.FILED;
import static io.cityloop.assessment.scheme.model.Measure.FILED_ACCURATE;
import static io.cityloop.assessment.scheme.model.Measure.MISSED;
import static io.cityloop.assessment.scheme.model.Measure.REPORTED;
import static io.cityloop.assessment.scheme.model.Measure.RETURNED_JUSTIFIED;
import static io.cityloop.assessment.scheme.model.Measure.VALID_REPORTED;
import static io.cityloop.assessment.scheme.model.Measure.VERIFICATIONS;
import static io.cityloop.assessment.scheme.model.Measure.VERIFIED_ON_TIME;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import io.cityloop.assessment.facts.model.CaseFacts;
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
 */
final class MonthCounter {

    static final String INSPECTOR_SOURCE = "INSPECTOR";

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
        for (CaseFacts theCase : cases) {
            count(theCase, sink);
        }
    }

    void count(CaseFacts theCase, Consumer<Contribution> sink) {
        Instant cutOff = period.cutOff();
        boolean merged = theCase.mergedAt(cutOff);
        if (!merged) {
            countTasks(theCase, sink);
        }
        countReport(theCase, merged, sink);
        countDecision(theCase, merged, sink);
        for (TaskFacts task : theCase.tasks()) {
            countDispatch(theCase, task, sink);
            countVerifications(theCase, task, sink);
        }
    }

    private void countTasks(CaseFacts theCase, Consumer<Contribution> sink) {
        ClockLedger ledger = null;
        for (TaskFacts task : theCase.tasks()) {
            if (!period.counts(task) || task.unitId() == null) {
                continue;
            }
            if (ledger == null) {
                ledger = ClockLedger.of(theCase, period.cutOff(), scale);
            }
            long[] counts = TaskVerdict.counts(theCase, task, ledger, clock, period.cutOff(), rules,
                    corrections.of(theCase.caseId(), task.taskId()));
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

    private void countReport(CaseFacts theCase, boolean merged, Consumer<Contribution> sink) {
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
        sink.accept(new Contribution(Scope.DISTRICT, theCase.districtCode(), theCase.caseId(), null, counts));
        if (!reported) {
            return;
        }
        if (INSPECTOR_SOURCE.equals(theCase.source()) && theCase.reporter() != null) {
            long[] own = Contribution.empty();
            own[REPORTED.ordinal()] = 1;
            own[VALID_REPORTED.ordinal()] = valid ? 1 : 0;
            sink.accept(new Contribution(Scope.INSPECTOR, theCase.reporter(), theCase.caseId(), null, own));
        } else if (valid) {
            for (String inspector : inspectorsByDistrict.getOrDefault(theCase.districtCode(), List.of())) {
                sink.accept(single(Scope.INSPECTOR, inspector, theCase, null, MISSED));
            }
        }
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
        counts[DECIDED_ON_TIME.ordinal()] = within(theCase.reportedAt(), decidedAt, rules.operatorLimitMinutes())
                ? 1 : 0;
        counts[FILED.ordinal()] = filed ? 1 : 0;
        counts[FILED_ACCURATE.ordinal()] = filed && !merged && !theCase.cancelledBefore(period.cutOff()) ? 1 : 0;
        sink.accept(new Contribution(Scope.OPERATOR, filed ? theCase.filedBy() : theCase.rejectedBy(),
                theCase.caseId(), null, counts));
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
