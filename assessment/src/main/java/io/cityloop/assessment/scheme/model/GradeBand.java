package io.cityloop.assessment.scheme.model;

/** 等级: scores of at least {@code min} get this grade, unless a higher band takes them. */
public record GradeBand(String grade, String color, double min) {
}
