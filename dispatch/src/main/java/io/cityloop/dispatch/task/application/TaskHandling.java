package io.cityloop.dispatch.task.application;

import java.time.Clock;
import java.time.Duration;

import org.springframework.stereotype.Service;

import io.cityloop.dispatch.task.model.IllegalTransitionException;
import io.cityloop.dispatch.task.model.Task;
import io.cityloop.dispatch.task.model.TaskId;

/**
 * What a handling unit does with its tasks: sign (签收), feed back (反馈), return a wrong dispatch (回退) and ask for
 * more time (延期申请) or a suspension (挂账申请). A unit acts only on its own tasks; a refused command stores
 * nothing.
 *
 * <p>Every command may throw {@link TaskNotFoundException}, {@link ForeignTaskException},
 * {@link StaleTaskException} and {@link IllegalTransitionException}.
 */
@Service
public class TaskHandling {

    private final TaskCommandSupport tasks;
    private final TaskDeadlines deadlines;
    private final TaskMetrics metrics;
    private final Clock clock;

    public TaskHandling(TaskCommandSupport tasks, TaskDeadlines deadlines, TaskMetrics metrics, Clock clock) {
        this.tasks = tasks;
        this.deadlines = deadlines;
        this.metrics = metrics;
        this.clock = clock;
    }

    public Task accept(TaskId id, UnitMember member) {
        return accept(id, member, null);
    }

    public Task accept(TaskId id, UnitMember member, Long expectedVersion) {
        return tasks.apply(id, member, expectedVersion, task -> task.accept(member.asPerformer(), clock.instant()));
    }

    public Task feedBack(TaskId id, Feedback feedback, UnitMember member) {
        return feedBack(id, feedback, member, null);
    }

    public Task feedBack(TaskId id, Feedback feedback, UnitMember member, Long expectedVersion) {
        Task saved = tasks.apply(id, member, expectedVersion,
                task -> task.markHandled(member.asPerformer(), feedback.note(), feedback.photoRef(), clock.instant()));
        metrics.handled(saved.assignment().unitId(), Boolean.TRUE.equals(saved.handling().handledOnTime()));
        return saved;
    }

    /** 回退: the task goes back to the dispatch queue. */
    public Task returnTask(TaskId id, String reason, UnitMember member, Long expectedVersion) {
        Task saved = tasks.apply(id, member, expectedVersion,
                task -> task.returnToDispatcher(member.asPerformer(), reason, clock.instant()));
        metrics.returned(saved.assignment().unitId());
        return saved;
    }

    /** 挂账申请: asks the dispatcher to stop the clock; it runs on until the decision. */
    public Task requestSuspension(TaskId id, String reason, UnitMember member, Long expectedVersion) {
        return tasks.apply(id, member, expectedVersion,
                task -> task.requestSuspension(member.asPerformer(), reason, clock.instant()));
    }

    /** 延期申请 for {@code additional} working time beyond the current deadline. */
    public Task requestExtension(TaskId id, Duration additional, String reason, UnitMember member,
                                 Long expectedVersion) {
        return tasks.apply(id, member, expectedVersion,
                task -> task.requestExtension(member.asPerformer(), additional, reason, deadlines.rules(),
                        clock.instant()));
    }
}
