package io.cityloop.assessment.month.model;

import java.time.Instant;

/**
 * 更正: an explicit, audited change to how one task counts, made when a supervisor upholds an appeal (申诉). The
 * facts projected from events stay as they are; corrections are laid over them when a month is scored.
 *
 * @param taskId {@code null} for every task of the case
 */
public record FactCorrection(String id, String month, String caseId, String taskId, String unitId, Effect effect,
                             String appealId, String reason, String decidedBy, Instant decidedAt) {

    /** What the correction does to the task's counts. */
    public enum Effect {
        /** The task does not count at all (e.g. 不可抗力, not the unit's responsibility). */
        EXCLUDE,
        /** The task counts as handled on time. */
        COUNT_ON_TIME
    }

    public boolean covers(String correctedCase, String task) {
        return caseId.equals(correctedCase) && (taskId == null || taskId.equals(task));
    }
}
