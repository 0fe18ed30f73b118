package io.cityloop.reference;

import java.util.Objects;

/**
 * One rule a command or an edit breaks, named as the caller's answer names it: the field ({@code rules[3].unit},
 * {@code photos}), the rule ({@code max-size}, {@code inside-city}) and a sentence. The shared kernel's one shape
 * of a refusal, so that every service's model refuses in the same words and every web adapter renders it the same
 * way (problem+json {@code errors[]}).
 */
public record BrokenRule(String field, String rule, String message) {

    public BrokenRule {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(message, "message");
    }
}
