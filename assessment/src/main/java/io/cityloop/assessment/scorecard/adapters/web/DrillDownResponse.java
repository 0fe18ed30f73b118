package io.cityloop.assessment.scorecard.adapters.web;

import java.util.List;

/**
 * 下钻: the cases behind one indicator of one row. For a count, {@code total} equals the number on the scorecard; for
 * a rate, the cases are those of its denominator and each one's {@code counts} shows whether it is in the numerator.
 */
public record DrillDownResponse(String month, String scope, String entityId, String indicator, String label,
                                String measure, long total, List<CaseContribution> cases) {
}
