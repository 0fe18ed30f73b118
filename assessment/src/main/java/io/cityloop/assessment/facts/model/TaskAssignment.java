package io.cityloop.assessment.facts.model;

import java.time.Instant;

/** What a 派遣 says about a task: who must handle it, where the case lies, by when, and who dispatched it. */
public record TaskAssignment(
        String taskId,
        String unitId,
        String unitName,
        String districtCode,
        Instant dispatchedAt,
        Instant deadline,
        String dispatcher) {
}
