package io.cityloop.intake.casefile.model;

import java.time.Instant;
import java.util.List;

/**
 * Everything a case remembers, for storing and restoring it; not a way to change it.
 *
 * @param filingOnTime whether the first filing decision came within the operator's limit; null until decided
 * @param probableDuplicates open cases this report probably duplicates, nearest first (flag only)
 * @param masterCaseId the case this one is merged into, while MERGED
 * @param coReporters reporters of duplicates merged into this case, credited here
 */
public record CaseSnapshot(
        String id,
        CaseStatus status,
        CaseCategory category,
        String description,
        CaseLocation location,
        ReportSource source,
        ReportOrigin origin,
        Participant reporter,
        String idempotencyKey,
        String requestFingerprint,
        Instant reportedAt,
        Instant filingDueBy,
        Instant filingDecidedAt,
        Boolean filingOnTime,
        List<String> probableDuplicates,
        String masterCaseId,
        List<Participant> coReporters,
        TaskAssignment currentTask,
        Verification verification,
        int reworkCount,
        List<PhotoRef> photos,
        long eventCount,
        List<TimelineEntry> timeline,
        List<String> appliedEventIds,
        Long version) {
}
