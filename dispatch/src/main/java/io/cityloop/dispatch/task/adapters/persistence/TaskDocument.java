package io.cityloop.dispatch.task.adapters.persistence;

import java.time.Instant;
import java.util.List;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.mapping.Document;

import io.cityloop.dispatch.task.model.DeadlineClock;
import io.cityloop.dispatch.task.model.ExtensionRequest;
import io.cityloop.dispatch.task.model.ReturnReview;
import io.cityloop.dispatch.task.model.SuspensionRequest;
import io.cityloop.dispatch.task.model.TaskStatus;
import io.cityloop.platform.outbox.OutboxEntry;
import io.cityloop.reference.TimeLimitSpec;

/**
 * A task as stored, with the events it caused that the relay has not yet published ({@code outbox}), so that the
 * state change and its events are one single-document write. {@code deadline}, {@code warnAt} and
 * {@code nextEscalationAt} are derived from {@code clock} and stored for the inbox's and the watch's queries.
 */
@Document(TaskDocument.COLLECTION)
public record TaskDocument(
        @Id String id,
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
        List<TaskHistoryDocument> history,
        List<String> appliedEventIds,
        List<OutboxEntry> outbox,
        @Version Long version) {

    public static final String COLLECTION = "tasks";

    /** Lets Spring Data set the version of this immutable document on insert. */
    public TaskDocument withVersion(Long newVersion) {
        return new TaskDocument(id, caseId, sourceEventId, previousTaskId, unitId, unitName, categoryCode,
                categoryName, urgency, districtCode, gridCode, timeLimit, ruleId, ruleSetVersion, dispatchedBy,
                dispatchReason, status, statusBeforeHold, dispatchedAt, acceptedAt, handledAt, clock, deadline, warnAt,
                nextEscalationAt, warned, overdue, escalationLevel, handledOnTime, reworkCount, extensionCount,
                pendingExtension, pendingSuspension, returnReason, returnReview, redispatchedAs, note, photoRef,
                eventCount, history, appliedEventIds, outbox, newVersion);
    }
}
