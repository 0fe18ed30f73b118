package io.cityloop.assessment.scorecard.model;

import io.cityloop.assessment.scheme.model.Measure;
import io.cityloop.assessment.scheme.model.Scope;

/**
 * What one case (or one of its tasks) adds to one row of a scorecard. Rows are sums of contributions, and the
 * drill-down lists them, so every number on a scorecard is backed by the cases it counts.
 *
 * @param taskId {@code null} for contributions of the case as a whole (report, filing)
 * @param counts indexed by {@link Measure#ordinal()}
 */
public record Contribution(Scope scope, String entityId, String caseId, String taskId, long[] counts) {

    public long count(Measure measure) {
        return counts[measure.ordinal()];
    }

    static long[] empty() {
        return new long[Measure.COUNT];
    }
}
