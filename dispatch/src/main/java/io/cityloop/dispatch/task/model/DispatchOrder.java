package io.cityloop.dispatch.task.model;

import io.cityloop.dispatch.routing.model.Route;

/**
 * Everything a new task is made from: the case, the route, who dispatched it and why.
 *
 * @param previousTaskId the returned task this one replaces (改派), {@code null} for a case's first dispatch
 * @param sourceEventId  what caused the dispatch (the filing event, or the re-dispatch command), for idempotency
 */
public record DispatchOrder(TaskId id, FiledCase filed, Route route, Performer by, String reason,
                            String previousTaskId, String sourceEventId) {
}
