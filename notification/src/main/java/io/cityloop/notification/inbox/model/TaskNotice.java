package io.cityloop.notification.inbox.model;

import java.time.Instant;

/**
 * What a unit must be told about a task, gathered from the event that concerns it: a dispatch, a rework, or a
 * signal of the deadline watch.
 *
 * @param noticeId     the id of the event that caused it, which makes recording it idempotent
 * @param categoryCode may be {@code null} when a rework arrives for a task whose dispatch was never seen
 * @param round        the how-manyth rework, or the escalation level of a 督办; 0 otherwise
 */
public record TaskNotice(
        String noticeId,
        NotificationKind kind,
        String caseId,
        String taskId,
        String unitId,
        String unitName,
        String categoryCode,
        String categoryName,
        Instant deadline,
        Instant at,
        int round) {
}
