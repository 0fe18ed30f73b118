package io.cityloop.dispatch.task.model;

import java.time.Instant;
import java.util.List;

import io.cityloop.reference.TimeLimitSpec;

/**
 * Every fact of a task, for storing it and restoring it unchanged. Not a way to build a task in some state: tests
 * and services get there by replaying real transitions.
 */
public record TaskSnapshot(
        String id,
        String caseId,
        String sourceEventId,
        String unitId,
        String unitName,
        String categoryCode,
        String categoryName,
        String districtCode,
        String gridCode,
        TimeLimitSpec timeLimit,
        TaskStatus status,
        Instant dispatchedAt,
        Instant acceptedAt,
        Instant handledAt,
        Instant deadline,
        Boolean handledOnTime,
        int reworkCount,
        String note,
        String photoRef,
        long eventCount,
        List<TaskHistoryEntry> history,
        List<String> appliedEventIds,
        Long version) {
}
