package io.cityloop.dispatch.task.model;

import java.util.Objects;

/**
 * A task's id, derived from its case and the task's number within the case, so that a redelivered filing can only
 * ever name the task that already exists. A case re-dispatched after a return gets task 02, 03, …
 */
public record TaskId(String value) {

    private static final int NUMBER_DIGITS = 2;

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

    /** The number within the case: 1 for {@code …-01}. */
    public int number() {
        return Integer.parseInt(value.substring(value.length() - NUMBER_DIGITS));
    }

    /** The task that replaces this one when the case is dispatched again. */
    public TaskId next(String caseId) {
        return of(caseId, number() + 1);
    }

    @Override
    public String toString() {
        return value;
    }
}
