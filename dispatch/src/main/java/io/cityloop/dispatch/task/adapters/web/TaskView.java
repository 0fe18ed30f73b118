package io.cityloop.dispatch.task.adapters.web;

import java.time.Duration;
import java.time.Instant;

import io.cityloop.dispatch.task.model.Assignment;
import io.cityloop.dispatch.task.model.Countdown;
import io.cityloop.dispatch.task.model.Handling;
import io.cityloop.dispatch.task.model.Task;
import io.cityloop.dispatch.task.model.TaskStatus;
import io.cityloop.dispatch.task.model.TaskSubject;
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
        TaskSubject subject = task.subject();
        Assignment assignment = task.assignment();
        Countdown countdown = task.countdown();
        Handling handling = task.handling();
        return new TaskView(task.id().value(), subject.caseId(), assignment.unitId(), assignment.unitName(),
                subject.categoryCode(), subject.categoryName(), subject.urgency(), subject.districtCode(),
                subject.gridCode(), task.status(), countdown.deadline(),
                remaining == null ? null : remaining.toMinutes(), countdown.warned(), task.isOverdue(now),
                countdown.escalationLevel(), assignment.dispatchedAt(), handling.acceptedAt(), handling.handledAt(),
                handling.handledOnTime(), handling.reworkCount(), handling.extensionCount(), assignment.ruleId(),
                assignment.ruleSetVersion(), task.handback().previousTaskId(), task.handback().redispatchedAs(),
                task.version());
    }
}
