package io.cityloop.intake.casefile.model;

import java.time.Instant;

/** 核查任务: who must check the result on site, by when, and what they found. */
public record Verification(String assignee, Instant requestedAt, Instant dueBy, VerificationResult result,
                           String note, Instant verifiedAt) {

    static Verification requested(String assignee, Instant at, Instant dueBy) {
        return new Verification(assignee, at, dueBy, null, null, null);
    }

    Verification decided(VerificationResult outcome, String remark, Instant at) {
        return new Verification(assignee, requestedAt, dueBy, outcome, remark, at);
    }

    public boolean isOpen() {
        return result == null;
    }
}
