package io.cityloop.intake.casefile.model;

/** Only the inspector the check was assigned to, or a shift lead, may decide it. */
public class NotTheVerifierException extends RuntimeException {

    public NotTheVerifierException(String caseId, String who) {
        super(who + " is not the inspector assigned to verify case " + caseId);
    }
}
