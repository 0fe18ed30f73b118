package io.cityloop.assessment.close.application;

import io.cityloop.reference.RuleViolationException;

/** An appeal that names something it cannot: a field and the rule it breaks. */
public class InvalidAppealException extends RuleViolationException {

    public InvalidAppealException(String field, String rule, String message) {
        super(field, rule, message);
    }
}
