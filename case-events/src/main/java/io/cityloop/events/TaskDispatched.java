package io.cityloop.events;

import java.time.Instant;

/** 派遣: a task was created for a handling unit with a deadline on the working calendar. */
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
        Actor actor) implements CaseEventData {
}
