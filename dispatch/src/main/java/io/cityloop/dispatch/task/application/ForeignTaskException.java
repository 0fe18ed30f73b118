package io.cityloop.dispatch.task.application;

/** A unit tried to act on a task that was dispatched to another unit. */
public class ForeignTaskException extends RuntimeException {

    public ForeignTaskException(String taskId, String callerUnit) {
        super("task " + taskId + " was not dispatched to " + (callerUnit == null ? "your unit" : callerUnit));
    }
}
