package io.cityloop.assessment.scorecard.model;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.cityloop.assessment.month.model.FactCorrection;

/** The upheld-appeal corrections in force for a month, looked up per task. */
public final class Corrections {

    public static final Corrections NONE = new Corrections(List.of());

    private final List<FactCorrection> corrections;
    private final Map<String, List<FactCorrection>> byCase = new HashMap<>();

    public Corrections(List<FactCorrection> corrections) {
        this.corrections = List.copyOf(corrections);
        for (FactCorrection correction : this.corrections) {
            byCase.computeIfAbsent(correction.caseId(), ignored -> new java.util.ArrayList<>()).add(correction);
        }
    }

    /** The latest correction covering the task, if any. */
    public FactCorrection of(String caseId, String taskId) {
        FactCorrection found = null;
        for (FactCorrection correction : byCase.getOrDefault(caseId, List.of())) {
            if (correction.covers(caseId, taskId)) {
                found = correction;
            }
        }
        return found;
    }

    public List<FactCorrection> all() {
        return corrections;
    }
}
