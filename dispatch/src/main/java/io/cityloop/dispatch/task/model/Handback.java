package io.cityloop.dispatch.task.model;

/**
 * 回退 and 改派: the returned task this one replaces, and this task's own return — the unit's reason, the dispatcher's
 * review and the task that replaced it.
 *
 * @param previousTaskId {@code null} for a case's first task
 */
public record Handback(String previousTaskId, String returnReason, ReturnReview returnReview,
                       String redispatchedAs) {

    static Handback replacing(String previousTaskId) {
        return new Handback(previousTaskId, null, null, null);
    }

    Handback returned(String reason) {
        return new Handback(previousTaskId, reason, returnReview, redispatchedAs);
    }

    Handback reviewed(ReturnReview review) {
        return new Handback(previousTaskId, returnReason, review, redispatchedAs);
    }

    Handback replacedBy(TaskId next) {
        return new Handback(previousTaskId, returnReason, returnReview, next.value());
    }
}
