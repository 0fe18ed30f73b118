package io.cityloop.intake.casefile.adapters.open311;

import java.util.List;

import org.springframework.http.HttpStatus;

/** A refusal to answer in Open311's error format: the status and one description per problem. */
class Open311Exception extends RuntimeException {

    private final HttpStatus status;
    private final List<String> descriptions;

    Open311Exception(HttpStatus status, List<String> descriptions) {
        super(String.join("; ", descriptions));
        this.status = status;
        this.descriptions = List.copyOf(descriptions);
    }

    static Open311Exception badRequest(String field, String message) {
        return new Open311Exception(HttpStatus.BAD_REQUEST, List.of(field + ": " + message));
    }

    HttpStatus status() {
        return status;
    }

    List<Open311Error> errors() {
        return Open311Error.of(status.value(), descriptions);
    }
}
