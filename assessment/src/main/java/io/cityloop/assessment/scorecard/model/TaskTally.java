package io.cityloop.assessment.scorecard.model;

/**
 * The task counters of one scorecard row and the rates derived from them.
 *
 * @param dispatched    应处置数 N: tasks whose current deadline falls in the month
 * @param handled       处置数 H
 * @param handledOnTime 按期处置数 T
 * @param overdueOpen   超期未处置数: open at the cut-off with the deadline already passed
 * @param rework        返工数 R
 * @param closed        结案数: tasks whose case was closed before the cut-off
 */
public record TaskTally(long dispatched, long handled, long handledOnTime, long overdueOpen, long rework,
                        long closed) {

    public static final TaskTally EMPTY = new TaskTally(0, 0, 0, 0, 0, 0);

    public TaskTally plus(TaskStanding task) {
        return new TaskTally(dispatched + 1,
                handled + (task.handled() ? 1 : 0),
                handledOnTime + (task.onTime() ? 1 : 0),
                overdueOpen + (task.overdueOpen() ? 1 : 0),
                rework + task.reworks(),
                closed + (task.caseClosed() ? 1 : 0));
    }

    /** 超期处置数 = H − T. */
    public long handledLate() {
        return handled - handledOnTime;
    }

    /** 超期数: handled late plus still open past the deadline. */
    public long overdue() {
        return handledLate() + overdueOpen;
    }

    /** 在办未到期: still open and not yet due at the cut-off. */
    public long pending() {
        return dispatched - handled - overdueOpen;
    }

    /** 处置率 = H / N. */
    public Double handlingRate() {
        return Rate.of(handled, dispatched);
    }

    /** 按期处置率 = T / N. */
    public Double onTimeRate() {
        return Rate.of(handledOnTime, dispatched);
    }

    /** 超期率 = overdue / N. */
    public Double overdueRate() {
        return Rate.of(overdue(), dispatched);
    }

    /** 返工率 = R / H. */
    public Double reworkRate() {
        return Rate.of(rework, handled);
    }

    /** 结案率 = closed / N. */
    public Double closingRate() {
        return Rate.of(closed, dispatched);
    }
}
