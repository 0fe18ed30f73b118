package io.cityloop.intake.casefile.model;

import java.time.Instant;

/** The command center's current task for the case, as its events told us. */
public record TaskAssignment(String taskId, String unitId, String unitName, Instant deadline) {

    TaskAssignment withDeadline(Instant newDeadline) {
        return new TaskAssignment(taskId, unitId, unitName, newDeadline);
    }
}
