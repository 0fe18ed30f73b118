package io.cityloop.dispatch.routing.model;

/** Why a rule set cannot be published: the field ({@code rules[3].unit}), the rule broken, and a sentence. */
public record RuleViolation(String field, String rule, String message) {
}
