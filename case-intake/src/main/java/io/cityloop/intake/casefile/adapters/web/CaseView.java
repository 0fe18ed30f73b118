package io.cityloop.intake.casefile.adapters.web;

import java.time.Instant;
import java.util.List;

/** A case as the console shows it: where it stands, where it is, who reported it and how it got there. */
record CaseView(
        String id,
        String status,
        String categoryCode,
        String categoryName,
        String catalogVersion,
        String urgency,
        String description,
        Position location,
        String address,
        String districtCode,
        String districtName,
        String streetCode,
        String streetName,
        String communityCode,
        String communityName,
        String gridCode,
        String inspectorArea,
        String source,
        Origin origin,
        String reportedBy,
        Instant reportedAt,
        Instant filingDueBy,
        Boolean filingOnTime,
        Instant stageDueBy,
        boolean overdue,
        List<String> probableDuplicates,
        String masterCaseId,
        List<String> coReporters,
        int reworkCount,
        List<Photo> photos,
        Task currentTask,
        Check verification,
        Confirmation confirmation,
        List<Step> timeline) {

    record Position(double lon, double lat) {
    }

    record Origin(String deviceId, Double reading, String callerName, String callerPhone) {
    }

    record Photo(String id, String sha256, String contentType, long size, String stage, Instant takenAt,
                 Double lon, Double lat, String uploadedBy, Instant uploadedAt, String url) {
    }

    record Task(String taskId, String unitId, String unitName, Instant deadline) {
    }

    record Check(String assignee, Instant requestedAt, Instant dueBy, String result, String note, Instant verifiedAt,
                 List<String> photoIds) {
    }

    /** 核实 before filing: who was sent, by whom, when it was due and whether it was sent and answered in time. */
    record Confirmation(String assignee, String requestedBy, Instant requestedAt, Instant dueBy,
                        Boolean dispatchedOnTime, String result, String note, Instant answeredAt,
                        Boolean answeredOnTime, List<String> photoIds) {
    }

    record Step(Instant at, String type, String fromStatus, String toStatus, String actor, String role, String reason,
                String source) {
    }
}
