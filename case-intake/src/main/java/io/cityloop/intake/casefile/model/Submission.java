package io.cityloop.intake.casefile.model;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Who reported the case and when, what tells a retried submission from another report with the same
 * Idempotency-Key, and the reporters of duplicates merged into this case, credited here.
 *
 * @param requestFingerprint identifies the request's content, so a reused idempotency key with other content can
 *                           be told apart from a retry
 */
public record Submission(Participant reporter, Instant reportedAt, String idempotencyKey, String requestFingerprint,
                         List<Participant> coReporters) {

    public Submission {
        coReporters = coReporters == null ? List.of() : List.copyOf(coReporters);
    }

    public Submission(Participant reporter, Instant reportedAt, String idempotencyKey, String requestFingerprint) {
        this(reporter, reportedAt, idempotencyKey, requestFingerprint, List.of());
    }

    boolean credits(Participant someone) {
        return reporter.equals(someone) || coReporters.contains(someone);
    }

    Submission crediting(Participant duplicateReporter) {
        List<Participant> credited = new ArrayList<>(coReporters);
        credited.add(duplicateReporter);
        return new Submission(reporter, reportedAt, idempotencyKey, requestFingerprint, credited);
    }

    Submission withdrawing(Participant duplicateReporter) {
        List<Participant> credited = new ArrayList<>(coReporters);
        credited.remove(duplicateReporter);
        return new Submission(reporter, reportedAt, idempotencyKey, requestFingerprint, credited);
    }
}
