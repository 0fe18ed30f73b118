package io.cityloop.intake.casefile.model;

/** The outcome of the on-site check (核查). */
public enum VerificationResult {
    PASS,
    FAIL
}
