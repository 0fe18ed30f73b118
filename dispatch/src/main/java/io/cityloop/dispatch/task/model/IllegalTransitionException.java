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

    /** A step that needs more than the right status, e.g. a second review of the same return. */
    public IllegalTransitionException(String taskId, String verb, TaskStatus from, String why) {
        super("task " + taskId + " cannot be " + verb + " while " + from + ": " + why);
        this.from = from;
        this.to = null;
    }

    public TaskStatus from() {
        return from;
    }

    /** {@code null} when the step would not change the status. */
    public TaskStatus to() {
        return to;
    }
}
