package io.cityloop.dispatch.routing.model;

import java.util.List;

import io.cityloop.reference.BrokenRule;
import io.cityloop.reference.RuleViolationException;

/** A rule set that would leave a case without a route, or route it to nobody: every rule it breaks. */
public class InvalidRuleSetException extends RuleViolationException {

    public InvalidRuleSetException(List<BrokenRule> broken) {
        super(broken);
    }
}
