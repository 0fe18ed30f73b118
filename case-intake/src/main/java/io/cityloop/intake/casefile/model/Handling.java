package io.cityloop.intake.casefile.model;

import java.time.Instant;
import java.util.List;

/**
 * The command center's side of the case as the supervision center follows it: the unit's current task, the
 * on-site check (核查) of its result, and how often a failed check sent the task back (返工).
 */
public record Handling(TaskAssignment currentTask, Verification verification, int reworkCount) {

    static final Handling NONE = new Handling(null, null, 0);

    String taskId() {
        return currentTask == null ? null : currentTask.taskId();
    }

    String unitId() {
        return currentTask == null ? null : currentTask.unitId();
    }

    Handling dispatchedTo(TaskAssignment task) {
        return new Handling(task, verification, reworkCount);
    }

    Handling reworkDue(Instant newDeadline) {
        return currentTask == null ? this
                : new Handling(currentTask.withDeadline(newDeadline), verification, reworkCount);
    }

    Handling verificationRequested(String inspector, Instant at, Instant dueBy) {
        return new Handling(currentTask, Verification.requested(inspector, at, dueBy), reworkCount);
    }

    Handling passed(String note, List<String> photoIds, Instant at) {
        return new Handling(currentTask, verification.decided(VerificationResult.PASS, note, photoIds, at),
                reworkCount);
    }

    Handling sentBack(String reason, List<String> photoIds, Instant at) {
        return new Handling(currentTask, verification.decided(VerificationResult.FAIL, reason, photoIds, at),
                reworkCount + 1);
    }
}
