package io.cityloop.intake.casefile.adapters.web;

import java.time.Instant;
import java.util.List;

/** A case as the console shows it: where it stands and how it got there. */
record CaseView(
        String id,
        String status,
        String categoryCode,
        String categoryName,
        String catalogVersion,
        String description,
        Position location,
        String address,
        String districtCode,
        String districtName,
        String streetName,
        String communityCode,
        String gridCode,
        String source,
        String reportedBy,
        Instant reportedAt,
        Task currentTask,
        Check verification,
        List<Step> timeline) {

    record Position(double lon, double lat) {
    }

    record Task(String taskId, String unitId, String unitName, Instant deadline) {
    }

    record Check(String assignee, Instant requestedAt, Instant dueBy, String result, String note, Instant verifiedAt) {
    }

    record Step(Instant at, String type, String fromStatus, String toStatus, String actor, String role, String reason,
                String source) {
    }
}
