package io.cityloop.intake.casefile.application;

import io.cityloop.reference.RuleViolationException;

/** A report that breaks a rule only the supervision center's reference data can check (category, grid). */
public class InvalidReportException extends RuleViolationException {

    public InvalidReportException(String field, String rule, String message) {
        super(field, rule, message);
    }
}
