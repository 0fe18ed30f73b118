package io.cityloop.assessment.scorecard.application;

import java.time.Instant;

import io.cityloop.assessment.month.model.MonthState;
import io.cityloop.assessment.scorecard.model.Scorecard;

/** A scorecard as served: the month's close state, when it was computed, and the scorecard itself. */
public record MonthlyScorecard(MonthState state, Instant generatedAt, Scorecard scorecard) {
}
