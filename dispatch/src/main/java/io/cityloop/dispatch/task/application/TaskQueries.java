package io.cityloop.dispatch.task.application;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import org.springframework.stereotype.Service;

import io.cityloop.dispatch.task.model.Task;
import io.cityloop.dispatch.task.model.TaskId;

/** Reads of tasks, with the instant against which "overdue" is judged. */
@Service
public class TaskQueries {

    private final TaskStore store;
    private final Clock clock;

    public TaskQueries(TaskStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    public List<Task> list(TaskFilter filter) {
        return store.list(filter);
    }

    public Task get(TaskId id) {
        return store.find(id).orElseThrow(() -> new TaskNotFoundException(id.value()));
    }

    public Instant now() {
        return clock.instant();
    }
}
