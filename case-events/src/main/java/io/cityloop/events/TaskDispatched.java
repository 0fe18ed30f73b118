package io.cityloop.events;

import java.time.Instant;

/**
 * 派遣: a task was created for a handling unit with a deadline on the working calendar.
 *
 * @param categoryName   the category's name in the catalog version that set the limit; added to v1 as an optional
 *                       field (null on tasks dispatched before it)
 * @param catalogVersion that catalog version; optional as {@code categoryName}
 */
public record TaskDispatched(
        String caseId,
        String taskId,
        String unitId,
        String unitName,
        String categoryCode,
        String districtCode,
        String gridCode,
        Instant deadline,
        TimeLimit timeLimit,
        Actor actor,
        String categoryName,
        String catalogVersion) implements CaseEventData {

    /** A dispatch as published before the catalog version travelled with it. */
    public TaskDispatched(String caseId, String taskId, String unitId, String unitName, String categoryCode,
                          String districtCode, String gridCode, Instant deadline, TimeLimit timeLimit, Actor actor) {
        this(caseId, taskId, unitId, unitName, categoryCode, districtCode, gridCode, deadline, timeLimit, actor,
                null, null);
    }
}
