package io.cityloop.assessment.facts.model;

import java.time.Instant;
import java.util.Comparator;
import java.util.Objects;

/**
 * One dated fact about a task. Steps are kept in business-time order whatever order their events arrived in, so the
 * task's state at any cut-off can be recomputed.
 *
 * @param actor    who acted (dispatcher, inspector), when the step names one
 * @param deadline the deadline the step sets, requests or compares with (see {@link StepKind})
 * @param flag     the step's yes/no answer (on time, approved, justified)
 * @param level    the escalation level of {@link StepKind#ESCALATED}
 */
public record TaskStep(Instant at, StepKind kind, String actor, Instant deadline, boolean flag, int level) {

    public static final Comparator<TaskStep> BUSINESS_ORDER =
            Comparator.comparing(TaskStep::at).thenComparing(TaskStep::kind);

    public TaskStep {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(kind, "kind");
    }

    public static TaskStep of(Instant at, StepKind kind) {
        return new TaskStep(at, kind, null, null, false, 0);
    }

    public boolean before(Instant cutOff) {
        return at.isBefore(cutOff);
    }

    public boolean decidesDeadline() {
        return kind.decidesDeadline(this);
    }
}
