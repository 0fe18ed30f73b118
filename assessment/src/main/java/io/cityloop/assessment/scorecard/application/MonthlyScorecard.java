package io.cityloop.assessment.scorecard.application;

import java.time.Instant;
import java.util.List;

import io.cityloop.assessment.scorecard.model.AssessmentMonth;

/** A computed scorecard: the month, the instant it reflects, when it was computed, and its rows. */
public record MonthlyScorecard<R>(AssessmentMonth month, Instant cutOff, Instant generatedAt, List<R> rows) {
}
