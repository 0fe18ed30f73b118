package io.cityloop.notification.delivery.model;

/** A field of a subscription that breaks a rule, named as the problem+json answer names it. */
public record Violation(String field, String rule, String message) {
}
