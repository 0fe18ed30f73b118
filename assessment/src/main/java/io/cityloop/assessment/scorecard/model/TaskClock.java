package io.cityloop.assessment.scorecard.model;

import java.time.Instant;

import io.cityloop.assessment.facts.model.StepKind;
import io.cityloop.assessment.facts.model.TaskFacts;
import io.cityloop.assessment.facts.model.TaskStep;
import io.cityloop.assessment.ledger.model.WorkingTimeScale;

/**
 * The unit's allowance (处置时限) per phase of a task, in working seconds: from the phase's dispatch to the deadline
 * in force, less the suspensions the command center already added to that deadline when resuming. Compared with the
 * unit's handling time in the clock ledger, it decides on time and overdue.
 */
final class TaskClock {

    private final WorkingTimeScale scale;

    TaskClock(WorkingTimeScale scale) {
        this.scale = scale;
    }

    /** 0 before the first rework dispatch, n after the n-th, at {@code at}. */
    int phaseAt(TaskFacts task, Instant at) {
        int phase = 0;
        for (TaskStep step : task.steps()) {
            if (step.kind() == StepKind.REWORK_DISPATCHED && !step.at().isAfter(at)) {
                phase++;
            }
        }
        return phase;
    }

    /** The deadline in force in the phase at {@code cutOff}; {@code null} when none is known. */
    Instant deadlineInForce(TaskFacts task, int phase, Instant cutOff) {
        return phase(task, phase, cutOff).deadline;
    }

    /** Working seconds the deadline in force allows the unit in the phase; {@code Long.MAX_VALUE} when none is known. */
    long allowance(TaskFacts task, int phase, Instant cutOff) {
        Phase found = phase(task, phase, cutOff);
        if (found.start == null || found.deadline == null) {
            return Long.MAX_VALUE;
        }
        return scale.secondsBetween(found.start.at(), found.deadline) - found.resumedSuspensions;
    }

    /** One walk over the task's steps up to the cut-off: where the phase started, its deadline, its suspensions. */
    private Phase phase(TaskFacts task, int phase, Instant cutOff) {
        Phase found = new Phase();
        int current = -1;
        Instant suspendedSince = null;
        for (TaskStep step : task.steps()) {
            if (!step.before(cutOff)) {
                break;
            }
            if (step.kind() == StepKind.DISPATCHED && current < 0 || step.kind() == StepKind.REWORK_DISPATCHED) {
                current++;
                if (current > phase) {
                    break;
                }
                found.start = step;
            }
            if (current != phase) {
                continue;
            }
            if (step.decidesDeadline()) {
                found.deadline = step.deadline();
            }
            if (step.kind() == StepKind.SUSPENDED) {
                suspendedSince = step.at();
            } else if (step.kind() == StepKind.RESUMED && suspendedSince != null) {
                if (step.deadline() != null) {
                    found.resumedSuspensions += scale.secondsBetween(suspendedSince, step.at());
                }
                suspendedSince = null;
            }
        }
        return found;
    }

    private static final class Phase {
        private TaskStep start;
        private Instant deadline;
        private long resumedSuspensions;
    }
}
