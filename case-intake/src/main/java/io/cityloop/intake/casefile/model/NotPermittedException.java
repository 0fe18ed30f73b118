package io.cityloop.intake.casefile.model;

/** The step is allowed in the case's status, but not for this participant (e.g. only a shift lead may cancel). */
public class NotPermittedException extends RuntimeException {

    public NotPermittedException(String message) {
        super(message);
    }
}
