package io.cityloop.events;

/** A record on the case topic that is not a readable case event; consumers send it to the dead-letter topic. */
public class MalformedCaseEventException extends RuntimeException {

    public MalformedCaseEventException(String message, Throwable cause) {
        super(message, cause);
    }
}
