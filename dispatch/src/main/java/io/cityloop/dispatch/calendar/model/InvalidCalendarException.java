package io.cityloop.dispatch.calendar.model;

import io.cityloop.reference.RuleViolationException;

/** A calendar edit that would make the calendar wrong; names the offending field and the rule it breaks. */
public class InvalidCalendarException extends RuleViolationException {

    public InvalidCalendarException(String field, String rule, String message) {
        super(field, rule, message);
    }
}
