package io.cityloop.intake.casefile.model;

/** A step the case's current status does not allow; nothing was changed. */
public class IllegalTransitionException extends RuntimeException {

    public IllegalTransitionException(String caseId, String step, CaseStatus current) {
        super("case " + caseId + " is " + current + " and cannot be " + step);
    }
}
