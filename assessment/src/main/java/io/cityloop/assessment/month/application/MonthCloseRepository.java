package io.cityloop.assessment.month.application;

import java.time.Instant;
import java.util.Optional;

import io.cityloop.assessment.month.model.AuditEntry;
import io.cityloop.assessment.month.model.MonthClose;
import io.cityloop.assessment.month.model.MonthState;

/**
 * Month-close records. Every state change is a conditional update on the expected current state, so of several
 * assessment replicas exactly one moves a month along an edge.
 */
public interface MonthCloseRepository {

    Optional<MonthClose> find(String month);

    /** DRAFT → FROZEN with the snapshot; {@code false} when the month was not (or no longer) a draft. */
    boolean freeze(String month, String snapshotId, Instant cutOff, String schemeReference, AuditEntry entry);

    /** {@code from} → {@code to}; {@code false} when the month was not in {@code from}. */
    boolean advance(String month, MonthState from, MonthState to, AuditEntry entry);

    /** Appends to the month's audit trail unless it is final. */
    boolean audit(String month, AuditEntry entry);
}
