package io.cityloop.intake.casefile.model;

import java.time.Instant;
import java.util.List;

/**
 * 核实任务: a report that did not come from an inspector, sent to the inspector responsible for its cell to confirm
 * on site before the filing decision (核实时限, by default 30 working minutes), and the answer with its photos.
 * Not 核查 ({@link Verification}), which checks a unit's work after handling.
 *
 * @param dispatchedOnTime whether the operator sent it within the filing decision's limit (核实按时派发); null when
 *                         that limit is not tracked
 */
public record Confirmation(String assignee, String requestedBy, Instant requestedAt, Instant dueBy,
                           Boolean dispatchedOnTime, ConfirmationResult result, String note, Instant answeredAt,
                           List<String> photoIds) {

    public Confirmation {
        photoIds = photoIds == null ? List.of() : List.copyOf(photoIds);
    }

    static Confirmation requested(String assignee, String requestedBy, Instant at, Instant dueBy,
                                  Boolean dispatchedOnTime) {
        return new Confirmation(assignee, requestedBy, at, dueBy, dispatchedOnTime, null, null, null, List.of());
    }

    Confirmation answered(ConfirmationResult outcome, String remark, List<String> photos, Instant at) {
        return new Confirmation(assignee, requestedBy, requestedAt, dueBy, dispatchedOnTime, outcome, remark, at,
                photos);
    }

    public boolean isOpen() {
        return result == null;
    }

    /** 按时核实: answered by the time limit. */
    public boolean answeredOnTime() {
        return answeredAt != null && (dueBy == null || !answeredAt.isAfter(dueBy));
    }
}
