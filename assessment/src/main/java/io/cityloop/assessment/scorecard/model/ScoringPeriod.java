package io.cityloop.assessment.scorecard.model;

import java.time.Instant;

import io.cityloop.assessment.facts.model.TaskFacts;

/** A month as seen at its cut-off: which tasks and reports count, and up to which instant facts are used. */
public record ScoringPeriod(AssessmentMonth month, Instant cutOff) {

    public static ScoringPeriod asOf(AssessmentMonth month, Instant now) {
        return new ScoringPeriod(month, month.cutOff(now));
    }

    /** A task counts in the month its current deadline falls in. */
    public boolean counts(TaskFacts task) {
        return month.includes(task.deadline());
    }

    /** Whether a dated fact (report, filing, dispatch) happened in the month and before the cut-off. */
    public boolean happenedIn(Instant at) {
        return month.includes(at) && at.isBefore(cutOff);
    }
}
