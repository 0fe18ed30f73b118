package io.cityloop.intake.casefile.application;

/** A report that breaks a rule only the supervision center's reference data can check (category, grid). */
public class InvalidReportException extends RuntimeException {

    private final String field;
    private final String rule;

    public InvalidReportException(String field, String rule, String message) {
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
