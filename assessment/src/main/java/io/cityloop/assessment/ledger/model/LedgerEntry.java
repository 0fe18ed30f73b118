package io.cityloop.assessment.ledger.model;

import java.time.Instant;

/**
 * One stretch [from, to) of a case's clock ledger and the working seconds in it.
 *
 * @param taskId the task whose state decides the stretch ({@code null} never: the ledger starts at the first dispatch)
 * @param unitId the task's handling unit
 * @param phase  0 for the first dispatch of the task, n after its n-th rework dispatch
 */
public record LedgerEntry(LedgerKind kind, String taskId, String unitId, int phase, Instant from, Instant to,
                          long workingSeconds) {
}
