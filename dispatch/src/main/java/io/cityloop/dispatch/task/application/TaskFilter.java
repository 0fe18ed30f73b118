package io.cityloop.dispatch.task.application;

import java.time.Instant;

import io.cityloop.dispatch.task.model.TaskStatus;

/**
 * Which tasks to list; every criterion is optional ({@code null} = any).
 *
 * @param deadlineFrom first deadline to include (inclusive)
 * @param deadlineTo   last deadline to include (inclusive)
 * @param newestFirst  order by dispatch time instead of by remaining working time
 */
public record TaskFilter(String unitId, TaskStatus status, String urgency, String districtCode,
                         Instant deadlineFrom, Instant deadlineTo, boolean newestFirst, int limit) {

    public TaskFilter(String unitId, TaskStatus status, int limit) {
        this(unitId, status, null, null, null, null, true, limit);
    }
}
