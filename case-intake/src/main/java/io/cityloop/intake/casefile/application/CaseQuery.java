package io.cityloop.intake.casefile.application;

import java.time.Instant;
import java.util.Set;

import io.cityloop.intake.casefile.model.CaseStatus;
import io.cityloop.intake.casefile.model.ReportSource;

/**
 * Filters of the case list, all optional; {@code overdue} compares each case's current stage deadline with
 * {@code now}.
 *
 * @param sort {@code reportedAt}, {@code priority} (urgency, then age) or {@code stageDueBy}
 */
public record CaseQuery(Set<CaseStatus> statuses, String districtCode, String streetCode, String categoryCode,
                        ReportSource source, Instant from, Instant to, Boolean overdue, Instant now, int page,
                        int size, String sort, boolean ascending) {
}
