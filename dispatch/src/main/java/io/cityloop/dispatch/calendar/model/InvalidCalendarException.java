package io.cityloop.dispatch.calendar.model;

/** A calendar edit that would make the calendar wrong; names the offending field and the rule it breaks. */
public class InvalidCalendarException extends RuntimeException {

    private final String field;
    private final String rule;

    public InvalidCalendarException(String field, String rule, String message) {
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
