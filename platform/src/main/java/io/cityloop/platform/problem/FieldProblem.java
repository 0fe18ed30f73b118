package io.cityloop.platform.problem;

/** One violated rule of one input field, e.g. {@code location.lon} / {@code inside-city}. */
public record FieldProblem(String field, String rule, String message) {
}
