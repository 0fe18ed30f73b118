package io.cityloop.dispatch.task.application;

import java.time.Clock;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

import io.cityloop.dispatch.task.model.Performer;
import io.cityloop.dispatch.task.model.Task;
import io.cityloop.dispatch.task.model.TaskId;
import io.cityloop.events.CaseEvent;
import io.cityloop.events.ReworkRequired;

/** 返工: a failed on-site check sends the task back to the unit that handled it, with a new deadline. */
@Service
public class TaskRework {

    private static final Logger log = LoggerFactory.getLogger(TaskRework.class);

    private final TaskStore store;
    private final TaskDeadlines deadlines;
    private final TaskEventTranslator translator;
    private final TaskMetrics metrics;
    private final Clock clock;

    public TaskRework(TaskStore store, TaskDeadlines deadlines, TaskEventTranslator translator, TaskMetrics metrics,
                      Clock clock) {
        this.store = store;
        this.deadlines = deadlines;
        this.translator = translator;
        this.metrics = metrics;
        this.clock = clock;
    }

    /**
     * Reopens the task named in the request. A redelivered request is a no-op.
     *
     * @throws TaskNotFoundException when the request names a task this center never dispatched
     */
    public void onReworkRequired(CaseEvent reworkEvent) {
        ReworkRequired request = reworkEvent.dataAs(ReworkRequired.class);
        Task task = store.find(new TaskId(request.taskId()))
                .orElseThrow(() -> new TaskNotFoundException(request.taskId()));
        Performer requestedBy = new Performer(request.actor().id(), request.actor().role());
        if (!task.reopenForRework(reworkEvent.id(), requestedBy, request.reason(), deadlines.rules(),
                clock.instant())) {
            log.debug("rework request {} for {} already applied", reworkEvent.id(), task.id());
            return;
        }
        List<CaseEvent> events = translator.translate(task, task.drainEvents());
        store.update(task, events);
        metrics.reworked(task.assignment().unitId());
        log.info("task {} reopened for rework #{} at {}, new deadline {}", task.id(), task.handling().reworkCount(),
                task.assignment().unitId(), task.countdown().deadline());
    }
}
