package io.cityloop.dispatch.task.model;

import java.time.Instant;
import java.util.Objects;

import io.cityloop.dispatch.routing.model.CategoryTerms;

/**
 * 待人工派遣: a filed case that automatic routing did not dispatch — because it is switched off, or because the rules
 * could not place the case — parked until a dispatcher chooses the unit. One per case, made from the filing event,
 * so a redelivered filing finds it and changes nothing. It stays after the dispatch, naming the task it became.
 *
 * @param cause  why it was parked, as a short tag: {@code auto-routing-off}, or the routing failure
 *               ({@code unknown-category}, {@code unknown-district}, {@code unknown-unit}, {@code no-rule})
 * @param detail the words behind the cause, for the dispatcher
 * @param category the category's terms as filed; {@code null} when the filing carried none
 */
public record PendingDispatch(
        String caseId,
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
        Long version) {

    public static final String AUTO_ROUTING_OFF = "auto-routing-off";

    public static PendingDispatch park(String filedEventId, FiledCase filed, Instant filedAt, String cause,
                                       String detail, Instant now) {
        Objects.requireNonNull(filedEventId, "filedEventId");
        return new PendingDispatch(filed.caseId(), filedEventId, filed.categoryCode(), filed.districtCode(),
                filed.gridCode(), filedAt, now, cause, detail, null, null, null, null, filed.category(), null);
    }

    public boolean isPending() {
        return dispatchedTaskId == null;
    }

    public FiledCase filedCase() {
        return new FiledCase(caseId, categoryCode, districtCode, gridCode, category);
    }

    /**
     * Notes that the case went out as {@code task}; only once.
     *
     * @throws CaseAlreadyDispatchedException when it was dispatched before
     */
    public PendingDispatch dispatchedAs(TaskId task, Performer by, String reason, Instant now) {
        if (!isPending()) {
            throw new CaseAlreadyDispatchedException(caseId, dispatchedTaskId);
        }
        if (reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("a case is dispatched by hand only with a reason");
        }
        return new PendingDispatch(caseId, filedEventId, categoryCode, districtCode, gridCode, filedAt, parkedAt,
                cause, detail, task.value(), by.id(), now, reason, category, version);
    }
}
