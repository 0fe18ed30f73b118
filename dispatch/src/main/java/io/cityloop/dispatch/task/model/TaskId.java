package io.cityloop.dispatch.task.model;

import java.util.Objects;

/**
 * A task's id, derived from its case and the task's number within the case, so that a redelivered filing can only
 * ever name the task that already exists.
 */
public record TaskId(String value) {

    public TaskId {
        Objects.requireNonNull(value, "value");
    }

    /** The task of a case's first dispatch, e.g. {@code TQD-202609-0001-01}. */
    public static TaskId firstOf(String caseId) {
        return of(caseId, 1);
    }

    public static TaskId of(String caseId, int number) {
        if (number < 1 || number > 99) {
            throw new IllegalArgumentException("task number must be 1–99, was " + number);
        }
        return new TaskId("T" + caseId + "-%02d".formatted(number));
    }

    @Override
    public String toString() {
        return value;
    }
}
