package io.cityloop.dispatch.task.application;

import java.util.List;
import java.util.Objects;

import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Component;

import io.cityloop.dispatch.task.model.Task;
import io.cityloop.dispatch.task.model.TaskId;
import io.cityloop.events.CaseEvent;
import io.cityloop.platform.outbox.OutboxRelay;

/**
 * Loading a task for a command and saving it afterwards, the same way for every command: the caller's unit must
 * own the task (command-center users act on all), the caller's expected version must still be current, and a
 * concurrent change between load and save loses nothing — the later writer gets the task as it now is.
 */
@Component
public class TaskCommandSupport {

    private final TaskStore store;
    private final TaskEventTranslator translator;
    private final OutboxRelay relay;

    public TaskCommandSupport(TaskStore store, TaskEventTranslator translator, OutboxRelay relay) {
        this.store = store;
        this.translator = translator;
        this.relay = relay;
    }

    /**
     * @param expectedVersion the version the caller saw ({@code If-Match}), or {@code null} to act on the latest
     * @throws TaskNotFoundException unknown task
     * @throws ForeignTaskException  a department user and another unit's task
     * @throws StaleTaskException    the task moved past {@code expectedVersion}
     */
    public Task load(TaskId id, UnitMember member, Long expectedVersion) {
        Task task = find(id);
        if (!member.actsForAllUnits() && !task.belongsTo(member.unit())) {
            throw new ForeignTaskException(id.value(), member.unit());
        }
        if (expectedVersion != null && !Objects.equals(expectedVersion, task.version())) {
            throw new StaleTaskException(task);
        }
        return task;
    }

    public Task find(TaskId id) {
        return store.find(id).orElseThrow(() -> new TaskNotFoundException(id.value()));
    }

    /** @throws StaleTaskException when somebody saved the task since it was loaded */
    public Task save(Task task) {
        List<CaseEvent> events = translator.translate(task, task.drainEvents());
        try {
            store.update(task, events);
        } catch (OptimisticLockingFailureException e) {
            throw new StaleTaskException(find(task.id()));
        }
        relay.nudge();
        return find(task.id());
    }
}
