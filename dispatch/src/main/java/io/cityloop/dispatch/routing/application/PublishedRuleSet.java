package io.cityloop.dispatch.routing.application;

import java.time.Instant;

import io.cityloop.dispatch.routing.model.RuleSet;

/** A rule-set version with who published it, when and why. */
public record PublishedRuleSet(RuleSet ruleSet, Instant publishedAt, String publishedBy, String reason) {
}
