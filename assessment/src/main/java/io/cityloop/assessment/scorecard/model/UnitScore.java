package io.cityloop.assessment.scorecard.model;

import io.cityloop.reference.HandlingUnit;

/** One row of the handling-unit scorecard (处置单位考核): a department or a district platform as handler. */
public record UnitScore(HandlingUnit unit, TaskTally tasks) {
}
