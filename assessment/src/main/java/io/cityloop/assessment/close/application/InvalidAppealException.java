package io.cityloop.assessment.close.application;

/** An appeal that names something it cannot: a field and the rule it breaks. */
public class InvalidAppealException extends RuntimeException {

    private final String field;
    private final String rule;

    public InvalidAppealException(String field, String rule, String message) {
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
