package io.cityloop.assessment.scheme.model;

/** 扣分: {@code points} off the composite per unit of a count (e.g. 1 point per 督办). */
public record Deduction(String indicator, double points) {
}
