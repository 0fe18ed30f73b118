package io.cityloop.assessment.facts.adapters.persistence;

import java.util.List;

/** A task embedded in its case's facts, with its dated steps. */
public record TaskFactsDocument(String taskId, String unitId, String unitName, String districtCode,
                                List<TaskStepDocument> steps) {
}
