package io.cityloop.dispatch.task.adapters.persistence;

import java.time.Instant;
import java.util.List;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.mapping.Document;

import io.cityloop.dispatch.task.model.TaskStatus;
import io.cityloop.platform.outbox.OutboxEntry;
import io.cityloop.reference.TimeLimitSpec;

/**
 * A task as stored, with the events it caused that the relay has not yet published ({@code outbox}), so that the
 * state change and its events are one single-document write.
 */
@Document(TaskDocument.COLLECTION)
public record TaskDocument(
        @Id String id,
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
        List<TaskHistoryDocument> history,
        List<String> appliedEventIds,
        List<OutboxEntry> outbox,
        @Version Long version) {

    public static final String COLLECTION = "tasks";

    /** Lets Spring Data set the version of this immutable document on insert. */
    public TaskDocument withVersion(Long newVersion) {
        return new TaskDocument(id, caseId, sourceEventId, unitId, unitName, categoryCode, categoryName, districtCode,
                gridCode, timeLimit, status, dispatchedAt, acceptedAt, handledAt, deadline, handledOnTime,
                reworkCount, note, photoRef, eventCount, history, appliedEventIds, outbox, newVersion);
    }
}
