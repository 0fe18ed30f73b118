package io.cityloop.assessment.scorecard.model;

import java.time.Instant;
import java.util.List;

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
        int current = -1;
        Instant deadline = null;
        for (TaskStep step : task.steps()) {
            if (!step.before(cutOff)) {
                break;
            }
            if (step.kind() == StepKind.DISPATCHED && current < 0 || step.kind() == StepKind.REWORK_DISPATCHED) {
                current++;
                if (current > phase) {
                    break;
                }
            }
            if (current == phase && step.decidesDeadline()) {
                deadline = step.deadline();
            }
        }
        return deadline;
    }

    /** Working seconds the deadline in force allows the unit in the phase; {@code Long.MAX_VALUE} when none is known. */
    long allowance(TaskFacts task, int phase, Instant cutOff) {
        List<TaskStep> steps = task.steps();
        int current = -1;
        TaskStep start = null;
        Instant deadline = null;
        long resumedSuspensions = 0;
        Instant suspendedSince = null;
        for (TaskStep step : steps) {
            if (!step.before(cutOff)) {
                break;
            }
            if (step.kind() == StepKind.DISPATCHED && current < 0 || step.kind() == StepKind.REWORK_DISPATCHED) {
                current++;
                if (current > phase) {
                    break;
                }
                start = step;
            }
            if (current != phase) {
                continue;
            }
            if (step.decidesDeadline()) {
                deadline = step.deadline();
            }
            if (step.kind() == StepKind.SUSPENDED) {
                suspendedSince = step.at();
            } else if (step.kind() == StepKind.RESUMED && suspendedSince != null) {
                if (step.deadline() != null) {
                    resumedSuspensions += scale.secondsBetween(suspendedSince, step.at());
                }
                suspendedSince = null;
            }
        }
        if (start == null || deadline == null) {
            return Long.MAX_VALUE;
        }
        return scale.secondsBetween(start.at(), deadline) - resumedSuspensions;
    }
}
