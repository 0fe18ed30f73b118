package io.cityloop.intake.casefile.model;

import java.time.Instant;
import java.util.List;

/** 核查任务: who must check the result on site, by when, and what they found, with the photos taken. */
public record Verification(String assignee, Instant requestedAt, Instant dueBy, VerificationResult result,
                           String note, Instant verifiedAt, List<String> photoIds) {

    static Verification requested(String assignee, Instant at, Instant dueBy) {
        return new Verification(assignee, at, dueBy, null, null, null, List.of());
    }

    Verification decided(VerificationResult outcome, String remark, List<String> photos, Instant at) {
        return new Verification(assignee, requestedAt, dueBy, outcome, remark, at, List.copyOf(photos));
    }

    public boolean isOpen() {
        return result == null;
    }

    /** Whether the check was decided after its time limit (an open check is judged against {@code now}). */
    public boolean isLate(Instant now) {
        Instant decided = verifiedAt == null ? now : verifiedAt;
        return dueBy != null && decided.isAfter(dueBy);
    }
}
