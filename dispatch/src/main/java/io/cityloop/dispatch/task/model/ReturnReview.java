package io.cityloop.dispatch.task.model;

import java.time.Instant;

/**
 * The dispatcher's judgement of a return (回退审核). {@code justified} means the dispatch was a routing error: the
 * return does not count against the unit.
 */
public record ReturnReview(boolean justified, String reason, String reviewedBy, Instant reviewedAt) {
}
