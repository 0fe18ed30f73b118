package io.cityloop.assessment.close.model;

import java.time.Instant;
import java.util.List;

import io.cityloop.assessment.month.model.AuditEntry;
import io.cityloop.assessment.month.model.FactCorrection;

/**
 * 申诉: a handling unit contests named cases of a published month with a reason; a supervisor upholds or rejects it.
 * An upheld appeal becomes corrections of the named cases' tasks with the requested effect.
 *
 * @param effect what the unit asks for, applied when upheld
 */
public record Appeal(String id, String month, String unitId, List<String> caseIds, String reason,
                     FactCorrection.Effect effect, AppealState state, String filedBy, Instant filedAt,
                     String decidedBy, Instant decidedAt, String decisionReason, List<AuditEntry> history) {

    public Appeal {
        caseIds = List.copyOf(caseIds);
        history = history == null ? List.of() : List.copyOf(history);
    }
}
