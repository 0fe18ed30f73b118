package io.cityloop.dispatch.task.adapters.persistence;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.mapping.Document;

import io.cityloop.dispatch.routing.model.CategoryTerms;

/** A parked filed case (待人工派遣) as stored: one per case, its filing event unique. No events, so no outbox. */
@Document(PendingDispatchDocument.COLLECTION)
public record PendingDispatchDocument(
        @Id String caseId,
        String filedEventId,
        String categoryCode,
        String districtCode,
        String gridCode,
        Instant filedAt,
        Instant parkedAt,
        String cause,
        String detail,
        String dispatchedTaskId,
        String dispatchedBy,
        Instant dispatchedAt,
        String dispatchReason,
        CategoryTerms category,
        @Version Long version) {

    public static final String COLLECTION = "pending-dispatches";

    /** Lets Spring Data set the version of this immutable document. */
    public PendingDispatchDocument withVersion(Long newVersion) {
        return new PendingDispatchDocument(caseId, filedEventId, categoryCode, districtCode, gridCode, filedAt,
                parkedAt, cause, detail, dispatchedTaskId, dispatchedBy, dispatchedAt, dispatchReason, category,
                newVersion);
    }
}
