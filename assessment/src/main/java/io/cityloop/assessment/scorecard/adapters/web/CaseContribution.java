package io.cityloop.assessment.scorecard.adapters.web;

import java.util.LinkedHashMap;
import java.util.Map;

import io.cityloop.assessment.scheme.model.Measure;
import io.cityloop.assessment.scorecard.model.Contribution;

/**
 * One case behind a number: the case, the task (if the count is about a task), how much it adds to the asked
 * indicator, and every non-zero count it adds to the row.
 */
public record CaseContribution(String caseId, String taskId, long value, Map<String, Long> counts) {

    static CaseContribution of(Contribution contribution, Measure measure) {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (Measure each : Measure.values()) {
            long count = contribution.count(each);
            if (count != 0) {
                counts.put(each.key(), count);
            }
        }
        return new CaseContribution(contribution.caseId(), contribution.taskId(), contribution.count(measure),
                counts);
    }
}
