package io.cityloop.dispatch.task.application;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;

import org.springframework.stereotype.Service;

import io.cityloop.dispatch.task.model.Task;
import io.cityloop.dispatch.task.model.TaskId;
import io.cityloop.reference.WorkingCalendar;

/** Reads of tasks, with the instant and the calendar against which "overdue" and "time left" are judged. */
@Service
public class TaskQueries {

    private final TaskStore store;
    private final TaskDeadlines deadlines;
    private final Clock clock;

    public TaskQueries(TaskStore store, TaskDeadlines deadlines, Clock clock) {
        this.store = store;
        this.deadlines = deadlines;
        this.clock = clock;
    }

    /**
     * The inbox: unless the filter asks for newest first, the task with the least working time left comes first
     * (overdue ones lead), finished tasks last.
     */
    public List<Task> list(TaskFilter filter) {
        List<Task> tasks = store.list(filter);
        if (filter.newestFirst()) {
            return tasks;
        }
        WorkingCalendar calendar = calendar();
        Instant now = now();
        Comparator<Task> byRemaining = Comparator.comparing(task -> remaining(task, calendar, now),
                Comparator.nullsLast(Comparator.naturalOrder()));
        return tasks.stream().sorted(byRemaining).toList();
    }

    public Task get(TaskId id) {
        return store.find(id).orElseThrow(() -> new TaskNotFoundException(id.value()));
    }

    public StatusCounts counts(String unitId) {
        return store.countByStatus(unitId, now());
    }

    /** Returned tasks waiting for the dispatcher (待派遣). */
    public List<Task> dispatchQueue(int limit) {
        return store.awaitingRedispatch(limit);
    }

    public Instant now() {
        return clock.instant();
    }

    public WorkingCalendar calendar() {
        return deadlines.rules().calendar();
    }

    private static Duration remaining(Task task, WorkingCalendar calendar, Instant now) {
        return task.remainingWorkingTime(calendar, now);
    }
}
