package io.cityloop.assessment.scheme.model;

import java.util.List;

/** A scoring scheme that cannot be used: the problems name what is wrong. */
public class InvalidSchemeException extends RuntimeException {

    private final List<String> problems;

    public InvalidSchemeException(String scheme, List<String> problems) {
        super("scoring scheme " + scheme + " is invalid: " + String.join("; ", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
