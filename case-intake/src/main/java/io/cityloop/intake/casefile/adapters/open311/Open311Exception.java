package io.cityloop.intake.casefile.adapters.open311;

import java.time.Duration;
import java.util.List;

import org.springframework.http.HttpStatus;

/**
 * A refusal to answer in Open311's error format: the status and one description per problem, and for a 429 how
 * long to wait ({@code Retry-After}).
 */
class Open311Exception extends RuntimeException {

    private final HttpStatus status;
    private final List<String> descriptions;
    private final Duration retryAfter;

    Open311Exception(HttpStatus status, List<String> descriptions) {
        this(status, descriptions, null);
    }

    Open311Exception(HttpStatus status, List<String> descriptions, Duration retryAfter) {
        super(String.join("; ", descriptions));
        this.status = status;
        this.descriptions = List.copyOf(descriptions);
        this.retryAfter = retryAfter;
    }

    static Open311Exception badRequest(String field, String message) {
        return new Open311Exception(HttpStatus.BAD_REQUEST, List.of(field + ": " + message));
    }

    HttpStatus status() {
        return status;
    }

    /** Null unless the client should wait before trying again. */
    Duration retryAfter() {
        return retryAfter;
    }

    List<Open311Error> errors() {
        return Open311Error.of(status.value(), descriptions);
    }
}
