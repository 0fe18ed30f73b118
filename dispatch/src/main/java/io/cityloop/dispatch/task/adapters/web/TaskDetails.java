package io.cityloop.dispatch.task.adapters.web;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonUnwrapped;

import io.cityloop.dispatch.task.model.Assignment;
import io.cityloop.dispatch.task.model.DeadlineClock;
import io.cityloop.dispatch.task.model.ExtensionRequest;
import io.cityloop.dispatch.task.model.Handback;
import io.cityloop.dispatch.task.model.Hold;
import io.cityloop.dispatch.task.model.ReturnReview;
import io.cityloop.dispatch.task.model.Suspension;
import io.cityloop.dispatch.task.model.SuspensionRequest;
import io.cityloop.dispatch.task.model.Task;
import io.cityloop.dispatch.task.model.TaskHistoryEntry;
import io.cityloop.dispatch.task.model.TaskStatus;
import io.cityloop.reference.TimeLimitSpec;
import io.cityloop.reference.WorkingCalendar;

/**
 * One task with its latest feedback, its pending requests, its clock and its whole timeline; the list view's fields
 * appear at the top level.
 *
 * @param catalogVersion the catalog version whose handling limit set the deadline ({@code null} on tasks from
 *                       before tasks recorded it)
 */
public record TaskDetails(
        @JsonUnwrapped TaskView task,
        TimeLimitSpec timeLimit,
        String catalogVersion,
        long grantedWorkingMinutes,
        List<Suspension> suspensions,
        String dispatchedBy,
        String dispatchReason,
        ExtensionRequest pendingExtension,
        SuspensionRequest pendingSuspension,
        String returnReason,
        ReturnReview returnReview,
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

    static TaskDetails of(Task task, Instant now, WorkingCalendar calendar) {
        DeadlineClock clock = task.countdown().clock();
        Assignment assignment = task.assignment();
        Hold hold = task.hold();
        Handback handback = task.handback();
        return new TaskDetails(TaskView.of(task, now, calendar), task.subject().timeLimit(),
                task.subject().catalogVersion(), clock.granted().toMinutes(), clock.suspensions(), assignment.dispatchedBy(),
                assignment.dispatchReason(), hold.pendingExtension(), hold.pendingSuspension(),
                handback.returnReason(), handback.returnReview(), task.handling().note(), task.handling().photoRef(),
                task.journal().history().stream().map(HistoryView::of).toList());
    }
}
