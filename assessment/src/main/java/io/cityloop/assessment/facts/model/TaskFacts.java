package io.cityloop.assessment.facts.model;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What assessment knows about one task (任务) of a case: the unit it was dispatched to and every dated step. A
 * re-dispatch after a return (回退) is a new task, so one task always belongs to one unit.
 *
 * @param steps every step, in business-time order (see {@link TaskStep#BUSINESS_ORDER})
 */
public record TaskFacts(String taskId, String unitId, String unitName, String districtCode, List<TaskStep> steps) {

    public TaskFacts {
        steps = List.copyOf(steps);
    }

    static TaskFacts firstSeen(String taskId, String unitId) {
        return new TaskFacts(taskId, unitId, null, null, List.of());
    }

    TaskFacts assigned(TaskAssignment assignment) {
        return new TaskFacts(taskId, assignment.unitId(), assignment.unitName(), assignment.districtCode(), steps)
                .with(new TaskStep(assignment.dispatchedAt(), StepKind.DISPATCHED, assignment.dispatcher(),
                        assignment.deadline(), false, 0));
    }

    TaskFacts with(TaskStep step) {
        List<TaskStep> more = new ArrayList<>(steps.size() + 1);
        more.addAll(steps);
        more.add(step);
        more.sort(TaskStep.BUSINESS_ORDER);
        return new TaskFacts(taskId, unitId, unitName, districtCode, more);
    }

    TaskFacts ownedBy(String unit) {
        return unitId != null || unit == null ? this : new TaskFacts(taskId, unit, unitName, districtCode, steps);
    }

    /** The first dispatch, if known. */
    public Optional<TaskStep> dispatch() {
        return first(StepKind.DISPATCHED);
    }

    public Instant dispatchedAt() {
        return dispatch().map(TaskStep::at).orElse(null);
    }

    /** The dispatcher (派遣员) who created the task. */
    public String dispatcher() {
        return dispatch().map(TaskStep::actor).orElse(null);
    }

    /**
     * The current deadline: the one set by the latest deadline decision by business time; while no decision is
     * known, the deadline a handling report compared with.
     */
    public Instant deadline() {
        Instant decided = null;
        Instant reported = null;
        for (TaskStep step : steps) {
            if (step.decidesDeadline()) {
                decided = step.deadline();
            } else if (step.kind() == StepKind.HANDLED && reported == null) {
                reported = step.deadline();
            }
        }
        return decided != null ? decided : reported;
    }

    /** Every handling report, oldest first. */
    public List<Handling> handlings() {
        return steps.stream().filter(step -> step.kind() == StepKind.HANDLED)
                .map(step -> new Handling(step.at(), step.flag())).toList();
    }

    /** The last handling strictly before {@code cutOff}, if any. */
    public Optional<Handling> lastHandlingBefore(Instant cutOff) {
        Handling last = null;
        for (TaskStep step : steps) {
            if (step.kind() == StepKind.HANDLED && step.before(cutOff)) {
                last = new Handling(step.at(), step.flag());
            }
        }
        return Optional.ofNullable(last);
    }

    /** Whether a failed verification reopened the task after {@code since} and before {@code cutOff}. */
    public boolean reopenedBetween(Instant since, Instant cutOff) {
        for (TaskStep step : steps) {
            if (step.kind() == StepKind.REWORK_REQUIRED && step.at().isAfter(since) && step.before(cutOff)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether the task is open at {@code cutOff}: dispatched, not returned, and not handled — or handled and then
     * reopened by a failed check.
     */
    public boolean openAt(Instant cutOff) {
        if (dispatch().isEmpty() || returnBefore(cutOff).isPresent()) {
            return false;
        }
        return lastHandlingBefore(cutOff).map(last -> reopenedBetween(last.at(), cutOff)).orElse(true);
    }

    /** Steps of a kind at or after {@code from} and strictly before {@code cutOff}. */
    public long countBetween(StepKind kind, Instant from, Instant cutOff) {
        long count = 0;
        for (TaskStep step : steps) {
            if (step.kind() == kind && !step.at().isBefore(from) && step.before(cutOff)) {
                count++;
            }
        }
        return count;
    }

    /** Steps of a kind strictly before {@code cutOff}. */
    public long countBefore(StepKind kind, Instant cutOff) {
        long count = 0;
        for (TaskStep step : steps) {
            if (step.kind() == kind && step.before(cutOff)) {
                count++;
            }
        }
        return count;
    }

    /** Approved extensions (延期) before {@code cutOff}. */
    public long extensionsApprovedBefore(Instant cutOff) {
        long count = 0;
        for (TaskStep step : steps) {
            if (step.kind() == StepKind.EXTENSION_DECIDED && step.flag() && step.before(cutOff)) {
                count++;
            }
        }
        return count;
    }

    /** The return (回退) of this task before {@code cutOff}, if any. */
    public Optional<TaskStep> returnBefore(Instant cutOff) {
        for (TaskStep step : steps) {
            if (step.kind() == StepKind.RETURNED && step.before(cutOff)) {
                return Optional.of(step);
            }
        }
        return Optional.empty();
    }

    /** The dispatcher's latest judgement of the return before {@code cutOff}: justified, unjustified, or none. */
    public Optional<Boolean> returnJudgementBefore(Instant cutOff) {
        Boolean justified = null;
        for (TaskStep step : steps) {
            if (step.kind() == StepKind.RETURN_REVIEWED && step.before(cutOff)) {
                justified = step.flag();
            }
        }
        return Optional.ofNullable(justified);
    }

    /** Whether the task was suspended (挂账) at {@code cutOff}: the latest suspend/resume step is a suspension. */
    public boolean suspendedAt(Instant cutOff) {
        boolean suspended = false;
        for (TaskStep step : steps) {
            if (step.before(cutOff) && step.kind() == StepKind.SUSPENDED) {
                suspended = true;
            } else if (step.before(cutOff) && step.kind() == StepKind.RESUMED) {
                suspended = false;
            }
        }
        return suspended;
    }

    public List<TaskStep> stepsOf(StepKind kind) {
        return steps.stream().filter(step -> step.kind() == kind).toList();
    }

    private Optional<TaskStep> first(StepKind kind) {
        for (TaskStep step : steps) {
            if (step.kind() == kind) {
                return Optional.of(step);
            }
        }
        return Optional.empty();
    }
}
