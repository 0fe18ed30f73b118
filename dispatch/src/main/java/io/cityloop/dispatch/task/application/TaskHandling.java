package io.cityloop.dispatch.task.application;

import java.time.Clock;
import java.util.List;

import org.springframework.stereotype.Service;

import io.cityloop.dispatch.task.model.IllegalTransitionException;
import io.cityloop.dispatch.task.model.Task;
import io.cityloop.dispatch.task.model.TaskId;
import io.cityloop.events.CaseEvent;
import io.cityloop.platform.outbox.OutboxRelay;

/**
 * What a handling unit does with its tasks: sign (签收) and feed back (反馈). A unit acts only on its own tasks; a
 * refused command stores nothing.
 */
@Service
public class TaskHandling {

    private final TaskStore store;
    private final TaskEventTranslator translator;
    private final TaskMetrics metrics;
    private final OutboxRelay relay;
    private final Clock clock;

    public TaskHandling(TaskStore store, TaskEventTranslator translator, TaskMetrics metrics, OutboxRelay relay,
                        Clock clock) {
        this.store = store;
        this.translator = translator;
        this.metrics = metrics;
        this.relay = relay;
        this.clock = clock;
    }

    /**
     * @throws TaskNotFoundException       unknown task
     * @throws ForeignTaskException        the task belongs to another unit
     * @throws IllegalTransitionException  the task is not waiting to be signed
     */
    public Task accept(TaskId id, UnitMember member) {
        Task task = ownTask(id, member);
        task.accept(member.asPerformer(), clock.instant());
        save(task);
        return task;
    }

    /**
     * @throws TaskNotFoundException       unknown task
     * @throws ForeignTaskException        the task belongs to another unit
     * @throws IllegalTransitionException  the task was not signed, or was already fed back
     */
    public Task feedBack(TaskId id, Feedback feedback, UnitMember member) {
        Task task = ownTask(id, member);
        task.markHandled(member.asPerformer(), feedback.note(), feedback.photoRef(), clock.instant());
        save(task);
        metrics.handled(task.unitId(), Boolean.TRUE.equals(task.handledOnTime()));
        return task;
    }

    private Task ownTask(TaskId id, UnitMember member) {
        Task task = store.find(id).orElseThrow(() -> new TaskNotFoundException(id.value()));
        if (!task.belongsTo(member.unit())) {
            throw new ForeignTaskException(id.value(), member.unit());
        }
        return task;
    }

    private void save(Task task) {
        List<CaseEvent> events = translator.translate(task, task.drainEvents());
        store.update(task, events);
        relay.nudge();
    }
}
