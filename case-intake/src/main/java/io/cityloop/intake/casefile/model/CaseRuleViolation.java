package io.cityloop.intake.casefile.model;

import io.cityloop.reference.RuleViolationException;

/** A command that names a field the case's rules refuse (too many photos, an unknown photo, a missing master…). */
public class CaseRuleViolation extends RuleViolationException {

    public CaseRuleViolation(String field, String rule, String message) {
        super(field, rule, message);
    }
}
