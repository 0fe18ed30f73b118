package io.cityloop.dispatch.task.adapters.web;

import java.time.Duration;
import java.time.Instant;

import io.cityloop.dispatch.task.model.Task;
import io.cityloop.dispatch.task.model.TaskStatus;
import io.cityloop.reference.WorkingCalendar;

/**
 * A task in a list: what a unit's inbox or the dispatcher's board shows.
 *
 * @param remainingWorkingMinutes working time left before the deadline, negative when overdue, {@code null} for a
 *                                finished task; frozen while suspended
 * @param warned                  the 黄灯 was signalled for the current deadline
 * @param overdue                 the clock runs and the deadline has passed (红灯)
 */
public record TaskView(
        String taskId,
        String caseId,
        String unitId,
        String unitName,
        String categoryCode,
        String categoryName,
        String urgency,
        String districtCode,
        String gridCode,
        TaskStatus status,
        Instant deadline,
        Long remainingWorkingMinutes,
        boolean warned,
        boolean overdue,
        int escalationLevel,
        Instant dispatchedAt,
        Instant acceptedAt,
        Instant handledAt,
        Boolean handledOnTime,
        int reworkCount,
        int extensionCount,
        String ruleId,
        long ruleSetVersion,
        String previousTaskId,
        String redispatchedAs,
        Long version) {

    static TaskView of(Task task, Instant now, WorkingCalendar calendar) {
        Duration remaining = task.remainingWorkingTime(calendar, now);
        return new TaskView(task.id().value(), task.caseId(), task.unitId(), task.unitName(), task.categoryCode(),
                task.categoryName(), task.urgency(), task.districtCode(), task.gridCode(), task.status(),
                task.deadline(), remaining == null ? null : remaining.toMinutes(), task.warned(),
                task.isOverdue(now), task.escalationLevel(), task.dispatchedAt(), task.acceptedAt(), task.handledAt(),
                task.handledOnTime(), task.reworkCount(), task.extensionCount(), task.ruleId(),
                task.ruleSetVersion(), task.previousTaskId(), task.redispatchedAs(), task.version());
    }
}
