package io.cityloop.dispatch.routing.model;

import java.util.List;

/** A rule set that would leave a case without a route, or route it to nobody. */
public class InvalidRuleSetException extends RuntimeException {

    private final List<RuleViolation> violations;

    public InvalidRuleSetException(List<RuleViolation> violations) {
        super(violations.size() + " rule violation(s), first: " + violations.get(0).field() + " "
                + violations.get(0).message());
        this.violations = List.copyOf(violations);
    }

    public List<RuleViolation> violations() {
        return violations;
    }
}
