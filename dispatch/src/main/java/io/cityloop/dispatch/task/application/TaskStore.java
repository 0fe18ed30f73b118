package io.cityloop.dispatch.task.application;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import io.cityloop.dispatch.task.model.Task;
import io.cityloop.dispatch.task.model.TaskId;

/**
 * Where tasks live; each write stores the task and the events it caused since it was loaded (drained from it, for
 * publication) in one atomic step.
 */
public interface TaskStore {

    Optional<Task> find(TaskId id);

    /** Stores a new task; {@code false} when a task with that id or source event already exists. */
    boolean insert(Task task);

    /**
     * Stores the changed task if nobody changed it since it was loaded.
     *
     * @throws org.springframework.dao.OptimisticLockingFailureException when somebody did
     */
    void update(Task task);

    /** Ordered by deadline, or newest dispatch first when the filter asks for it. */
    List<Task> list(TaskFilter filter);

    /** Every open task, for laying deadlines onto a changed calendar. */
    List<Task> open();

    /** Returned tasks not yet dispatched again: the dispatch queue (待派遣). */
    List<Task> awaitingRedispatch(int limit);

    /**
     * Tasks whose clock runs and that may have crossed a threshold by {@code now}: the warning share, the deadline,
     * or the next automatic escalation.
     */
    List<Task> dueForWatch(Instant now, int limitPerKind);

    StatusCounts countByStatus(String unitId, Instant now);

    /** Open and overdue task counts of every unit that has open tasks, as of {@code now}. */
    List<UnitTally> openTasksByUnit(Instant now);
}
