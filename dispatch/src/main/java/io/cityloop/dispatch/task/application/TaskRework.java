package io.cityloop.dispatch.task.application;

import java.time.Clock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

import io.cityloop.dispatch.task.model.Task;

/** 返工: a failed on-site check sends the task back to the unit that handled it, with a new deadline. */
@Service
public class TaskRework {

    private static final Logger log = LoggerFactory.getLogger(TaskRework.class);

    private final TaskStore store;
    private final TaskDeadlines deadlines;
    private final TaskMetrics metrics;
    private final Clock clock;

    public TaskRework(TaskStore store, TaskDeadlines deadlines, TaskMetrics metrics, Clock clock) {
        this.store = store;
        this.deadlines = deadlines;
        this.metrics = metrics;
        this.clock = clock;
    }

    /**
     * Reopens the task named in the request. A redelivered request is a no-op.
     *
     * @throws TaskNotFoundException when the request names a task this center never dispatched
     */
    public void onReworkRequired(ReworkRequest request) {
        Task task = store.find(request.taskId())
                .orElseThrow(() -> new TaskNotFoundException(request.taskId().value()));
        if (!task.reopenForRework(request.eventId(), request.requestedBy(), request.reason(), deadlines.rules(),
                clock.instant())) {
            log.debug("rework request {} for {} already applied", request.eventId(), task.id());
            return;
        }
        store.update(task);
        metrics.reworked(task.assignment().unitId());
        log.info("task {} reopened for rework #{} at {}, new deadline {}", task.id(), task.handling().reworkCount(),
                task.assignment().unitId(), task.countdown().deadline());
    }
}
