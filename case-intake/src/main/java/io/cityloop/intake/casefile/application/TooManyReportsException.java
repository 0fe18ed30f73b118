package io.cityloop.intake.casefile.application;

/** A client sent more anonymous reports in the last hour than the city allows. */
public class TooManyReportsException extends RuntimeException {

    public TooManyReportsException(String client) {
        super("too many reports from this client in the last hour; please call 12345");
    }
}
