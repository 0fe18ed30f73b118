package io.cityloop.intake.casefile.model;

import java.time.Instant;
import java.util.List;

/** Everything a case remembers, for storing and restoring it; not a way to change it. */
public record CaseSnapshot(
        String id,
        CaseStatus status,
        CaseCategory category,
        String description,
        CaseLocation location,
        ReportSource source,
        Participant reporter,
        String idempotencyKey,
        String requestFingerprint,
        Instant reportedAt,
        TaskAssignment currentTask,
        Verification verification,
        long eventCount,
        List<TimelineEntry> timeline,
        List<String> appliedEventIds,
        Long version) {
}
