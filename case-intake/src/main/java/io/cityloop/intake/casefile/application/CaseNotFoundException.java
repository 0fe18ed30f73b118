package io.cityloop.intake.casefile.application;

public class CaseNotFoundException extends RuntimeException {

    public CaseNotFoundException(String caseId) {
        super("no case " + caseId);
    }
}
