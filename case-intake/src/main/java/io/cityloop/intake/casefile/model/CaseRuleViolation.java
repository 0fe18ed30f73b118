package io.cityloop.intake.casefile.model;

/** A command that names a field the case's rules refuse (too many photos, an unknown photo, a missing master…). */
public class CaseRuleViolation extends RuntimeException {

    private final String field;
    private final String rule;

    public CaseRuleViolation(String field, String rule, String message) {
        super(message);
        this.field = field;
        this.rule = rule;
    }

    public String field() {
        return field;
    }

    public String rule() {
        return rule;
    }
}
