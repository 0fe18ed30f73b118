package io.cityloop.dispatch.task.application;

import io.cityloop.dispatch.task.model.Task;

/**
 * Somebody else changed the task first (another handler, a dispatcher, the deadline watch), or the caller's
 * {@code If-Match} names an older version. Carries the task as it is now so the caller can decide again.
 */
public class StaleTaskException extends RuntimeException {

    private final transient Task current;

    public StaleTaskException(Task current) {
        super("task " + current.id() + " was changed concurrently; it is now " + current.status() + " at version "
                + current.version());
        this.current = current;
    }

    public Task current() {
        return current;
    }
}
