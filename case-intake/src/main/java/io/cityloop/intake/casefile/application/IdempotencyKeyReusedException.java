package io.cityloop.intake.casefile.application;

public class IdempotencyKeyReusedException extends RuntimeException {

    public IdempotencyKeyReusedException(String key, String caseId) {
        super("Idempotency-Key " + key + " was used for case " + caseId + " with different content");
    }
}
