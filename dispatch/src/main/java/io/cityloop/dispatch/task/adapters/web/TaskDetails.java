package io.cityloop.dispatch.task.adapters.web;

import java.time.Instant;
import java.util.List;

import io.cityloop.dispatch.task.model.Task;
import io.cityloop.dispatch.task.model.TaskHistoryEntry;
import io.cityloop.dispatch.task.model.TaskStatus;

/** One task with its latest feedback and its whole timeline. */
public record TaskDetails(
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
        boolean overdue,
        String note,
        String photoRef,
        List<HistoryView> history) {

    /** One timeline entry; {@code fromStatus} is {@code null} on the dispatch that created the task. */
    public record HistoryView(Instant at, String type, TaskStatus fromStatus, TaskStatus toStatus, String actor,
                              String role, String reason) {

        static HistoryView of(TaskHistoryEntry entry) {
            return new HistoryView(entry.at(), entry.type(), entry.fromStatus(), entry.toStatus(), entry.actor(),
                    entry.role(), entry.reason());
        }
    }

    static TaskDetails of(Task task, Instant now) {
        return new TaskDetails(task.id().value(), task.caseId(), task.unitId(), task.unitName(), task.categoryCode(),
                task.categoryName(), task.districtCode(), task.gridCode(), task.status(), task.deadline(),
                task.dispatchedAt(), task.acceptedAt(), task.handledAt(), task.handledOnTime(), task.reworkCount(),
                task.isOverdue(now), task.note(), task.photoRef(),
                task.history().stream().map(HistoryView::of).toList());
    }
}
