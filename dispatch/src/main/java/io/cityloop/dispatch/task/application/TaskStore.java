package io.cityloop.dispatch.task.application;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import io.cityloop.dispatch.task.model.Task;
import io.cityloop.dispatch.task.model.TaskId;
import io.cityloop.events.CaseEvent;

/** Where tasks live; each write stores the task and the events it caused in one atomic step. */
public interface TaskStore {

    Optional<Task> find(TaskId id);

    /** Stores a new task; {@code false} when a task with that id or source event already exists. */
    boolean insert(Task task, List<CaseEvent> events);

    /**
     * Stores the changed task if nobody changed it since it was loaded.
     *
     * @throws org.springframework.dao.OptimisticLockingFailureException when somebody did
     */
    void update(Task task, List<CaseEvent> events);

    /** Newest dispatch first. */
    List<Task> list(TaskFilter filter);

    /** Open and overdue task counts of every unit that has open tasks, as of {@code now}. */
    List<UnitTally> openTasksByUnit(Instant now);
}
