package io.cityloop.assessment.month.model;

import java.time.Instant;
import java.util.List;

/**
 * 月结: where a month's assessment stands. Once frozen it names the snapshot of facts it is scored from, the
 * cut-off and the scheme, so that its numbers no longer move with late events.
 *
 * @param schemeReference {@code id@version} of the scheme pinned at freeze ({@code null} while draft)
 */
public record MonthClose(String month, MonthState state, String snapshotId, Instant cutOff, String schemeReference,
                         List<AuditEntry> audit) {

    public MonthClose {
        audit = audit == null ? List.of() : List.copyOf(audit);
    }

    public static MonthClose draft(String month) {
        return new MonthClose(month, MonthState.DRAFT, null, null, null, List.of());
    }
}
