package io.cityloop.assessment.month.model;

/** A month-close or appeal step that is not allowed from where the month or appeal stands. */
public class IllegalTransitionException extends RuntimeException {

    public IllegalTransitionException(String message) {
        super(message);
    }
}
