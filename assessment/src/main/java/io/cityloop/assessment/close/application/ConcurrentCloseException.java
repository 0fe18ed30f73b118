package io.cityloop.assessment.close.application;

/** Another replica or user moved the month or appeal first. */
public class ConcurrentCloseException extends RuntimeException {

    public ConcurrentCloseException(String message) {
        super(message);
    }
}
