package io.cityloop.dispatch.task.application;

/** No task has this id. */
public class TaskNotFoundException extends RuntimeException {

    public TaskNotFoundException(String taskId) {
        super("task " + taskId + " does not exist");
    }
}
