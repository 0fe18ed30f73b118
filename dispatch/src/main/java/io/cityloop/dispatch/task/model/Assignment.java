package io.cityloop.dispatch.task.model;

import java.time.Instant;

import io.cityloop.dispatch.routing.model.Route;

/**
 * 派遣: the handling unit that got the task, the routing rule that chose it ({@code manual} for a dispatcher's
 * choice), and who dispatched it, why and when. Fixed at dispatch.
 *
 * @param dispatchReason the dispatcher's words; {@code null} for automatic routing
 */
public record Assignment(String unitId, String unitName, String ruleId, long ruleSetVersion, String dispatchedBy,
                         String dispatchReason, Instant dispatchedAt) {

    static Assignment of(Route route, Performer by, String reason, Instant at) {
        return new Assignment(route.unit().id(), route.unit().name(), route.ruleId(), route.ruleSetVersion(),
                by.id(), reason, at);
    }
}
