package io.cityloop.events;

import java.time.Instant;

/** 处理反馈: the unit reports the problem handled; {@code onTime} compares the event time with the deadline. */
public record TaskHandled(
        String caseId,
        String taskId,
        String unitId,
        String note,
        String photoRef,
        Instant deadline,
        boolean onTime,
        Actor actor) implements CaseEventData {
}
