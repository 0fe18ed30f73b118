package io.cityloop.dispatch.task.application;

import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Supplier;

import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Component;

import io.cityloop.dispatch.task.model.Task;
import io.cityloop.dispatch.task.model.TaskId;
import io.cityloop.platform.concurrency.ConcurrentChangeRetry;

/**
 * Loading a task for a command and saving it afterwards, the same way for every command: the caller's unit must
 * own the task (command-center users act on all), the caller's expected version must still be current, and a
 * concurrent change between load and save loses nothing — the later writer gets the task as it now is.
 */
@Component
public class TaskCommandSupport {

    private static final ConcurrentChangeRetry ON_THE_LATEST = ConcurrentChangeRetry.upTo(3)
            .orOn(StaleTaskException.class);

    private final TaskStore store;

    public TaskCommandSupport(TaskStore store) {
        this.store = store;
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

    /**
     * Loads the task, applies one command and saves it. A caller who named no version acts on the latest, so when
     * a concurrent writer — the deadline watch marking 黄灯/红灯 at that instant, another member of the unit —
     * saved the task in between, the command is applied again to the task as it now is instead of refusing it
     * with a 409; the command's own rules decide on the fresh task. A caller who named a version gets the 409.
     */
    public Task apply(TaskId id, UnitMember member, Long expectedVersion, Consumer<Task> command) {
        Supplier<Task> attempt = () -> {
            Task task = load(id, member, expectedVersion);
            command.accept(task);
            return save(task);
        };
        return expectedVersion == null ? ON_THE_LATEST.run(attempt) : attempt.get();
    }

    public Task find(TaskId id) {
        return store.find(id).orElseThrow(() -> new TaskNotFoundException(id.value()));
    }

    /** @throws StaleTaskException when somebody saved the task since it was loaded */
    public Task save(Task task) {
        try {
            store.update(task);
        } catch (OptimisticLockingFailureException e) {
            throw new StaleTaskException(find(task.id()));
        }
        return find(task.id());
    }
}
