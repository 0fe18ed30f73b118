package io.cityloop.assessment.scorecard.adapters.web;

import com.fasterxml.jackson.annotation.JsonUnwrapped;

import io.cityloop.assessment.scorecard.model.UnitScore;

/** A handling unit's row: {@code kind} is DEPARTMENT or DISTRICT. */
public record UnitRow(String unitId, String unitName, String kind, @JsonUnwrapped TaskCounters tasks) {

    static UnitRow of(UnitScore score) {
        return new UnitRow(score.unit().id(), score.unit().name(), score.unit().kind().name(),
                TaskCounters.of(score.tasks()));
    }
}
