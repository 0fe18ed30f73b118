package io.cityloop.assessment.scorecard.model;

import static io.cityloop.assessment.facts.model.CaseFactsFixture.SHANGHAI;

import java.time.Instant;
import java.time.YearMonth;
import java.util.List;

import io.cityloop.assessment.facts.model.CaseFacts;
import io.cityloop.assessment.ledger.model.WorkingTimeScale;
import io.cityloop.assessment.scheme.model.Measure;
import io.cityloop.assessment.scheme.model.Scope;
import io.cityloop.assessment.scheme.model.ScoringScheme;
import io.cityloop.assessment.scheme.model.TestSchemes;
import io.cityloop.reference.CityReference;

/** Computes scorecards of hand-built facts for the formula tests. */
final class Scorecards {

    static final CityReference CITY = CityReference.load();
    static final WorkingTimeScale SCALE = new WorkingTimeScale(CITY.calendar());
    static final ScoringScheme DEFAULT = TestSchemes.defaultScheme();

    private Scorecards() {
    }

    static AssessmentMonth month(int year, int month) {
        return new AssessmentMonth(YearMonth.of(year, month), SHANGHAI);
    }

    static ScorecardCalculator calculator(AssessmentMonth month, Instant now) {
        return calculator(month, now, DEFAULT, Corrections.NONE);
    }

    static ScorecardCalculator calculator(AssessmentMonth month, Instant now, ScoringScheme scheme,
                                          Corrections corrections) {
        return new ScorecardCalculator(ScoringPeriod.asOf(month, now), scheme, SCALE, CITY, corrections);
    }

    static ScorecardRow row(AssessmentMonth month, Instant now, Scope scope, String id, CaseFacts... cases) {
        return calculator(month, now).scorecard(scope, List.of(cases)).row(id).orElseThrow();
    }

    /** The row's counts named by key, for compact assertions; only non-zero counts. */
    static java.util.Map<String, Long> counts(ScorecardRow row) {
        java.util.Map<String, Long> counts = new java.util.LinkedHashMap<>();
        for (Measure measure : Measure.of(row.scope())) {
            if (row.count(measure) != 0 && measure != Measure.HANDLING_SECONDS) {
                counts.put(measure.key(), row.count(measure));
            }
        }
        return counts;
    }
}
