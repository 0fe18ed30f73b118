package io.cityloop.assessment.scorecard.application;

import java.util.List;

import io.cityloop.assessment.facts.model.CaseFacts;
import io.cityloop.assessment.month.model.MonthState;
import io.cityloop.assessment.scorecard.model.ScorecardCalculator;

/**
 * What a month is scored from: live facts while it is a draft, its frozen snapshot (with the corrections of upheld
 * appeals) once frozen.
 */
public record MonthBasis(MonthState state, ScorecardCalculator calculator, List<CaseFacts> facts) {
}
