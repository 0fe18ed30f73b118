package io.cityloop.dispatch.routing.application;

/** An edit based on a rule-set version that is no longer the latest. */
public class StaleRuleSetException extends RuntimeException {

    public StaleRuleSetException(long basedOn, long latest) {
        super("the rules were edited on version " + basedOn + " but version " + latest
                + " is the latest; reload and edit again");
    }
}
