package io.cityloop.dispatch.routing.application;

import java.util.Optional;

/** Where rule-set versions live; a version is written once. */
public interface RuleSetStore {

    Optional<PublishedRuleSet> latest();

    Optional<PublishedRuleSet> version(long version);

    /** {@code false} when that version number was already taken (a concurrent publication won). */
    boolean insert(PublishedRuleSet published);
}
