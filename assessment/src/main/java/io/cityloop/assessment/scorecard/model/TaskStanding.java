package io.cityloop.assessment.scorecard.model;

import java.time.Instant;
import java.util.Optional;

import io.cityloop.assessment.facts.model.CaseFacts;
import io.cityloop.assessment.facts.model.Handling;
import io.cityloop.assessment.facts.model.TaskFacts;

/**
 * Where one task stands at the cut-off, in the terms the counters need.
 *
 * @param handled       处置: a handling report before the cut-off that no failed verification has reopened since
 * @param onTime        按期处置: handled, and that handling was by the deadline in force
 * @param overdueOpen   超期未处置: not handled and the current deadline passed before the cut-off
 * @param reworks       返工: failed verifications before the cut-off
 * @param caseClosed    结案: the task's case was closed before the cut-off
 */
public record TaskStanding(boolean handled, boolean onTime, boolean overdueOpen, long reworks, boolean caseClosed) {

    public static TaskStanding of(CaseFacts theCase, TaskFacts task, Instant cutOff) {
        Optional<Handling> lastHandling = task.lastHandlingBefore(cutOff)
                .filter(handling -> !task.reopenedBetween(handling.at(), cutOff));
        boolean handled = lastHandling.isPresent();
        boolean onTime = lastHandling.map(Handling::onTime).orElse(false);
        boolean overdueOpen = !handled && task.deadline() != null && task.deadline().isBefore(cutOff);
        return new TaskStanding(handled, onTime, overdueOpen, task.reworksBefore(cutOff),
                theCase.closedBefore(cutOff));
    }
}
