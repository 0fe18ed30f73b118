package io.cityloop.assessment.scorecard.model;

import java.util.Map;

import io.cityloop.assessment.scheme.model.GradeBand;
import io.cityloop.assessment.scheme.model.Indicators;
import io.cityloop.assessment.scheme.model.Measure;
import io.cityloop.assessment.scheme.model.Ratio;
import io.cityloop.assessment.scheme.model.Scope;

/**
 * One row of a scorecard: an entity (unit, district, inspector, operator, dispatcher) with its counts, its rates
 * and, once scored, its composite score (综合指标值), rank (排名) and grade (等级).
 *
 * @param kind      DEPARTMENT or DISTRICT for units, the role for positions, {@code null} for districts
 * @param extras    indicators computed across rows (the district's incidence)
 * @param volume    the scheme's volume count (案件量), shown next to the rates
 * @param lowVolume volume below the scheme's minimum: shown, scored, but not ranked
 */
public record ScorecardRow(Scope scope, String entityId, String name, String kind, long[] counts,
                           Map<String, Double> extras, long volume, Double score, Integer rank, GradeBand grade,
                           boolean lowVolume) {

    public ScorecardRow {
        extras = Map.copyOf(extras);
    }

    static ScorecardRow unscored(Scope scope, String entityId, String name, String kind, long[] counts,
                                 Map<String, Double> extras) {
        return new ScorecardRow(scope, entityId, name, kind, counts, extras, 0, null, null, null, false);
    }

    public long count(Measure measure) {
        return counts[measure.ordinal()];
    }

    public Double rate(Ratio ratio) {
        return ratio.of(counts);
    }

    /** The value of any indicator the scheme may name; {@code null} when undefined. */
    public Double value(String indicator) {
        var measure = Measure.byKey(indicator);
        if (measure.isPresent()) {
            return (double) count(measure.get());
        }
        var ratio = Ratio.byKey(indicator);
        if (ratio.isPresent()) {
            return rate(ratio.get());
        }
        if (Indicators.keys(scope).contains(indicator)) {
            return extras.get(indicator);
        }
        throw new IllegalArgumentException("no indicator " + indicator + " on a " + scope + " scorecard");
    }

    ScorecardRow scored(long rowVolume, Double rowScore, Integer rowRank, GradeBand rowGrade, boolean low) {
        return new ScorecardRow(scope, entityId, name, kind, counts, extras, rowVolume, rowScore, rowRank, rowGrade,
                low);
    }
}
