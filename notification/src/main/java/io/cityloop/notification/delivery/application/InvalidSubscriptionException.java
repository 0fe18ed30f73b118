package io.cityloop.notification.delivery.application;

import java.util.List;

import io.cityloop.reference.BrokenRule;
import io.cityloop.reference.RuleViolationException;

/** A subscription refused for the rules it breaks, every one of them named. */
public class InvalidSubscriptionException extends RuleViolationException {

    public InvalidSubscriptionException(List<BrokenRule> broken) {
        super(broken);
    }
}
