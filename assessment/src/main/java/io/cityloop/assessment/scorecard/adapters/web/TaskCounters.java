package io.cityloop.assessment.scorecard.adapters.web;

import io.cityloop.assessment.scorecard.model.TaskTally;

/** The task counters and rates of a row as JSON (rates {@code null} when their denominator is 0). */
public record TaskCounters(
        long dispatched,
        long handled,
        long handledOnTime,
        long handledLate,
        long overdueOpen,
        long overdue,
        long pending,
        long rework,
        long closed,
        Double handlingRate,
        Double onTimeRate,
        Double overdueRate,
        Double reworkRate,
        Double closingRate) {

    static TaskCounters of(TaskTally tally) {
        return new TaskCounters(tally.dispatched(), tally.handled(), tally.handledOnTime(), tally.handledLate(),
                tally.overdueOpen(), tally.overdue(), tally.pending(), tally.rework(), tally.closed(),
                tally.handlingRate(), tally.onTimeRate(), tally.overdueRate(), tally.reworkRate(),
                tally.closingRate());
    }
}
