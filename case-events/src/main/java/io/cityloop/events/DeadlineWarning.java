package io.cityloop.events;

import java.time.Instant;

/** 黄灯: the task has used the warning share of its time limit (default 80%). */
public record DeadlineWarning(
        String caseId,
        String taskId,
        String unitId,
        Instant deadline,
        Actor actor) implements CaseEventData {
}
