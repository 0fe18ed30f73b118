package io.cityloop.dispatch.routing.model;

/**
 * The routing rules cannot name a handling unit for a case. Retrying will not help: the reference data has to change
 * (or the case was filed with a bad code), so the record is parked for a person to look at.
 */
public class UnroutableCaseException extends RuntimeException {

    /** Why routing failed, as a short metric-friendly tag. */
    public enum Reason {
        UNKNOWN_CATEGORY,
        UNKNOWN_DISTRICT,
        UNKNOWN_UNIT,
        NO_RULE,
        FOREIGN_DISTRICT,
        SAME_UNIT
    }

    private final Reason reason;

    public UnroutableCaseException(Reason reason, String detail) {
        super(detail);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
