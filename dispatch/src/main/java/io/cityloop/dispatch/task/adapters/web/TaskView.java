package io.cityloop.dispatch.task.adapters.web;

import java.time.Instant;

import io.cityloop.dispatch.task.model.Task;
import io.cityloop.dispatch.task.model.TaskStatus;

/** A task in a list: what a unit's inbox or the dispatcher's board shows. */
public record TaskView(
        String taskId,
        String caseId,
        String unitId,
        String unitName,
        String categoryCode,
        String categoryName,
        String districtCode,
        String gridCode,
        TaskStatus status,
        Instant deadline,
        Instant dispatchedAt,
        Instant acceptedAt,
        Instant handledAt,
        Boolean handledOnTime,
        int reworkCount,
        boolean overdue) {

    static TaskView of(Task task, Instant now) {
        return new TaskView(task.id().value(), task.caseId(), task.unitId(), task.unitName(), task.categoryCode(),
                task.categoryName(), task.districtCode(), task.gridCode(), task.status(), task.deadline(),
                task.dispatchedAt(), task.acceptedAt(), task.handledAt(), task.handledOnTime(), task.reworkCount(),
                task.isOverdue(now));
    }
}
