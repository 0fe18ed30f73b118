package io.cityloop.dispatch.task.model;

import java.time.Instant;
import java.util.List;

import io.cityloop.reference.TimeLimitSpec;

/**
 * Every fact of a task, for storing it and restoring it unchanged. Not a way to build a task in some state: tests
 * and services get there by replaying real transitions.
 *
 * @param deadline         derived from {@code clock}, kept so the store can query and sort by it
 * @param warnAt           when the 黄灯 share is reached, kept for the deadline watch's query
 * @param nextEscalationAt when the next automatic 督办 is due, {@code null} when none is
 */
public record TaskSnapshot(
        String id,
        String caseId,
        String sourceEventId,
        String previousTaskId,
        String unitId,
        String unitName,
        String categoryCode,
        String categoryName,
        String urgency,
        String districtCode,
        String gridCode,
        TimeLimitSpec timeLimit,
        String ruleId,
        long ruleSetVersion,
        String dispatchedBy,
        String dispatchReason,
        TaskStatus status,
        TaskStatus statusBeforeHold,
        Instant dispatchedAt,
        Instant acceptedAt,
        Instant handledAt,
        DeadlineClock clock,
        Instant deadline,
        Instant warnAt,
        Instant nextEscalationAt,
        boolean warned,
        boolean overdue,
        int escalationLevel,
        Boolean handledOnTime,
        int reworkCount,
        int extensionCount,
        ExtensionRequest pendingExtension,
        SuspensionRequest pendingSuspension,
        String returnReason,
        ReturnReview returnReview,
        String redispatchedAs,
        String note,
        String photoRef,
        long eventCount,
        List<TaskHistoryEntry> history,
        List<String> appliedEventIds,
        Long version) {
}
