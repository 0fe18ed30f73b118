package io.cityloop.dispatch.task.model;

/** A command that the task's current status does not allow, e.g. feedback before the unit signed. */
public class IllegalTransitionException extends RuntimeException {

    private final TaskStatus from;
    private final TaskStatus to;

    public IllegalTransitionException(String taskId, String verb, TaskStatus from, TaskStatus to) {
        super("task " + taskId + " cannot be " + verb + " while " + from + " (allowed from " + from + ": "
                + from.next() + ")");
        this.from = from;
        this.to = to;
    }

    public TaskStatus from() {
        return from;
    }

    public TaskStatus to() {
        return to;
    }
}
