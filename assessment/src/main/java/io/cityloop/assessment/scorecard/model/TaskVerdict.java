package io.cityloop.assessment.scorecard.model;

import static io.cityloop.assessment.scheme.model.Measure.CARRIED_OVER;
import static io.cityloop.assessment.scheme.model.Measure.CLOSED;
import static io.cityloop.assessment.scheme.model.Measure.CLOSED_ON_TIME;
import static io.cityloop.assessment.scheme.model.Measure.DISPATCHED;
import static io.cityloop.assessment.scheme.model.Measure.DUE_TO_CLOSE;
import static io.cityloop.assessment.scheme.model.Measure.ESCALATED;
import static io.cityloop.assessment.scheme.model.Measure.EXTENDED;
import static io.cityloop.assessment.scheme.model.Measure.HANDLED;
import static io.cityloop.assessment.scheme.model.Measure.HANDLED_LATE;
import static io.cityloop.assessment.scheme.model.Measure.HANDLED_ON_TIME;
import static io.cityloop.assessment.scheme.model.Measure.HANDLING_SECONDS;
import static io.cityloop.assessment.scheme.model.Measure.OVERDUE;
import static io.cityloop.assessment.scheme.model.Measure.OVERDUE_OPEN;
import static io.cityloop.assessment.scheme.model.Measure.PENDING;
import static io.cityloop.assessment.scheme.model.Measure.RETURNED;
import static io.cityloop.assessment.scheme.model.Measure.RETURNED_JUSTIFIED;
import static io.cityloop.assessment.scheme.model.Measure.REWORK;
import static io.cityloop.assessment.scheme.model.Measure.REWORK_TIMES;
import static io.cityloop.assessment.scheme.model.Measure.SUSPENDED;

import java.time.Instant;
import java.util.Optional;

import io.cityloop.assessment.facts.model.CaseFacts;
import io.cityloop.assessment.facts.model.Handling;
import io.cityloop.assessment.facts.model.StepKind;
import io.cityloop.assessment.facts.model.TaskFacts;
import io.cityloop.assessment.ledger.model.ClockLedger;
import io.cityloop.assessment.month.model.FactCorrection;
import io.cityloop.assessment.scheme.model.CountingRules;

/**
 * How one task counts for its unit and its district at the cut-off. Handled on time and overdue are decided from
 * the clock ledger: the unit's own handling time in the phase against the working time its deadline allowed, so
 * time back with the dispatcher and approved suspension never count against the unit.
 */
final class TaskVerdict {

    private final CaseFacts theCase;
    private final TaskFacts task;
    private final ClockLedger ledger;
    private final TaskClock clock;
    private final Instant cutOff;
    private final Instant carriedFrom;
    private final CountingRules rules;

    private TaskVerdict(CaseFacts theCase, TaskFacts task, ClockLedger ledger, TaskClock clock, Instant cutOff,
                        Instant carriedFrom, CountingRules rules) {
        this.theCase = theCase;
        this.task = task;
        this.ledger = ledger;
        this.clock = clock;
        this.cutOff = cutOff;
        this.carriedFrom = carriedFrom;
        this.rules = rules;
    }

    /** The task's counts, or {@code null} when it does not count at all. */
    static long[] counts(CaseFacts theCase, TaskFacts task, ClockLedger ledger, TaskClock clock, Instant cutOff,
                         CountingRules rules, FactCorrection correction) {
        return counts(theCase, task, ledger, clock, cutOff, rules, correction, null);
    }

    /**
     * The task's counts, or {@code null} when it does not count at all.
     *
     * @param carriedFrom for a task carried as overdue backlog (结转超期), the start of the month it is carried into:
     *                    its steps before are counted in the months they happened in, so 返工, 督办, 延期 and 挂账 only
     *                    count from there; {@code null} for a task due in the month
     */
    static long[] counts(CaseFacts theCase, TaskFacts task, ClockLedger ledger, TaskClock clock, Instant cutOff,
                         CountingRules rules, FactCorrection correction, Instant carriedFrom) {
        if (correction != null && correction.effect() == FactCorrection.Effect.EXCLUDE) {
            return null;
        }
        TaskVerdict verdict = new TaskVerdict(theCase, task, ledger, clock, cutOff, carriedFrom, rules);
        long[] counts = task.returnBefore(cutOff).isPresent() ? verdict.returned(rules) : verdict.assessed();
        counts[CARRIED_OVER.ordinal()] = carriedFrom != null && counts[DISPATCHED.ordinal()] > 0 ? 1 : 0;
        if (correction != null && correction.effect() == FactCorrection.Effect.COUNT_ON_TIME) {
            countOnTime(counts);
        }
        return counts;
    }

    private long[] returned(CountingRules rules) {
        long[] counts = Contribution.empty();
        boolean justified = task.returnJudgementBefore(cutOff).orElse(false);
        counts[RETURNED_JUSTIFIED.ordinal()] = justified ? 1 : 0;
        counts[RETURNED.ordinal()] = justified ? 0 : 1;
        counts[DISPATCHED.ordinal()] = !justified && rules.unjustifiedReturnCountsAsDispatched() ? 1 : 0;
        counts[ESCALATED.ordinal()] = steps(StepKind.ESCALATED);
        return counts;
    }

    /** Steps of a kind before the cut-off; for a carried task, only those in the month it is carried into. */
    private long steps(StepKind kind) {
        return carriedFrom == null ? task.countBefore(kind, cutOff) : task.countBetween(kind, carriedFrom, cutOff);
    }

    private long[] assessed() {
        long[] counts = Contribution.empty();
        Optional<Handling> handling = task.lastHandlingBefore(cutOff)
                .filter(last -> !task.reopenedBetween(last.at(), cutOff));
        boolean handled = handling.isPresent();
        boolean onTime = handled && onTime(handling.get());
        boolean overdueOpen = !handled && overdueNow();
        boolean closed = theCase.closedBefore(cutOff);
        counts[DISPATCHED.ordinal()] = 1;
        counts[HANDLED.ordinal()] = handled ? 1 : 0;
        counts[HANDLED_ON_TIME.ordinal()] = onTime ? 1 : 0;
        counts[HANDLED_LATE.ordinal()] = handled && !onTime ? 1 : 0;
        counts[OVERDUE_OPEN.ordinal()] = overdueOpen ? 1 : 0;
        counts[OVERDUE.ordinal()] = (handled && !onTime) || overdueOpen ? 1 : 0;
        counts[PENDING.ordinal()] = !handled && !overdueOpen ? 1 : 0;
        long failedChecks = steps(StepKind.REWORK_REQUIRED);
        counts[REWORK_TIMES.ordinal()] = failedChecks;
        counts[REWORK.ordinal()] = rules.reworkCountsTasks() ? (handled && failedChecks > 0 ? 1 : 0) : failedChecks;
        counts[DUE_TO_CLOSE.ordinal()] = handled || overdueOpen ? 1 : 0;
        counts[CLOSED.ordinal()] = closed ? 1 : 0;
        counts[CLOSED_ON_TIME.ordinal()] = closed && onTime ? 1 : 0;
        counts[EXTENDED.ordinal()] = carriedFrom == null && task.extensionsApprovedBefore(cutOff) > 0 ? 1 : 0;
        counts[ESCALATED.ordinal()] = steps(StepKind.ESCALATED);
        counts[SUSPENDED.ordinal()] = steps(StepKind.SUSPENDED) > 0 ? 1 : 0;
        counts[HANDLING_SECONDS.ordinal()] = handled ? ledger.unitSeconds(task.taskId()) : 0;
        return counts;
    }

    private boolean onTime(Handling handling) {
        if (task.dispatch().isEmpty()) {
            return handling.onTime();
        }
        int phase = clock.phaseAt(task, handling.at());
        long used = ledger.unitSeconds(task.taskId(), phase);
        long allowed = clock.allowance(task, phase, cutOff);
        if (used != allowed || !rules.deadlineReachedIsOverdue()) {
            return used <= allowed;
        }
        // The allowance ran out exactly: the working clock stops at the deadline, so only the instant tells.
        Instant deadline = clock.deadlineInForce(task, phase, cutOff);
        return deadline == null || !handling.at().isAfter(deadline);
    }

    private boolean overdueNow() {
        if (task.dispatch().isEmpty()) {
            return task.deadline() != null && task.deadline().isBefore(cutOff);
        }
        int phase = clock.phaseAt(task, cutOff);
        long used = ledger.unitSeconds(task.taskId(), phase);
        long allowed = clock.allowance(task, phase, cutOff);
        if (used != allowed || !rules.deadlineReachedIsOverdue()) {
            return used > allowed;
        }
        Instant deadline = clock.deadlineInForce(task, phase, cutOff);
        return deadline != null && deadline.isBefore(cutOff);
    }

    private static void countOnTime(long[] counts) {
        if (counts[DISPATCHED.ordinal()] == 0) {
            return;
        }
        counts[HANDLED.ordinal()] = 1;
        counts[HANDLED_ON_TIME.ordinal()] = 1;
        counts[HANDLED_LATE.ordinal()] = 0;
        counts[OVERDUE_OPEN.ordinal()] = 0;
        counts[OVERDUE.ordinal()] = 0;
        counts[PENDING.ordinal()] = 0;
        counts[DUE_TO_CLOSE.ordinal()] = 1;
        counts[CLOSED_ON_TIME.ordinal()] = counts[CLOSED.ordinal()];
    }
}
