package io.cityloop.assessment.scorecard.model;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import io.cityloop.assessment.scheme.model.Deduction;
import io.cityloop.assessment.scheme.model.Formula;
import io.cityloop.assessment.scheme.model.GradeBand;
import io.cityloop.assessment.scheme.model.Measure;
import io.cityloop.assessment.scheme.model.Scope;
import io.cityloop.assessment.scheme.model.ScoringScheme;
import io.cityloop.assessment.scheme.model.Term;

/**
 * Applies a scheme's formula to rows: 综合指标值 = (Σ weight × value) × 100 − Σ deductions, rounded to 2 decimals;
 * the grade band of the score; and the rank (1 = best, equal scores share a rank) among rows with volume at least
 * the scheme's minimum. A row with no volume has no score; a scope the scheme has no formula for is not scored.
 */
final class Scoring {

    private Scoring() {
    }

    static List<ScorecardRow> score(Scope scope, List<ScorecardRow> rows, ScoringScheme scheme) {
        Formula formula = scheme.formula(scope);
        if (formula == null) {
            return rows;
        }
        Measure volumeMeasure = Measure.byKey(formula.volume()).orElseThrow();
        List<ScorecardRow> scored = new ArrayList<>(rows.size());
        for (ScorecardRow row : rows) {
            long volume = row.count(volumeMeasure);
            if (volume == 0) {
                scored.add(row.scored(0, null, null, null, scheme.minimumVolume() > 0));
                continue;
            }
            double score = composite(row, formula);
            GradeBand grade = scheme.gradeOf(score);
            scored.add(row.scored(volume, score, null, grade, volume < scheme.minimumVolume()));
        }
        return ranked(scored);
    }

    static double composite(ScorecardRow row, Formula formula) {
        double sum = 0;
        for (Term term : formula.terms()) {
            Double value = row.value(term.indicator());
            double v = value == null ? term.whenUndefined() : term.banded() ? term.banded(value) : value;
            sum += term.weight() * (term.complement() ? 1 - v : v);
        }
        double score = sum * 100;
        for (Deduction deduction : formula.deductions()) {
            score -= deduction.points() * row.value(deduction.indicator());
        }
        return BigDecimal.valueOf(score).setScale(2, RoundingMode.HALF_UP).doubleValue();
    }

    private static List<ScorecardRow> ranked(List<ScorecardRow> rows) {
        List<ScorecardRow> eligible = rows.stream().filter(row -> row.score() != null && !row.lowVolume())
                .sorted(Comparator.comparing(ScorecardRow::score).reversed()).toList();
        List<ScorecardRow> result = new ArrayList<>(rows.size());
        for (ScorecardRow row : rows) {
            int index = eligible.indexOf(row);
            if (index < 0) {
                result.add(row);
                continue;
            }
            int rank = 1;
            for (ScorecardRow other : eligible) {
                if (other.score() > row.score()) {
                    rank++;
                }
            }
            result.add(row.scored(row.volume(), row.score(), rank, row.grade(), false));
        }
        return result;
    }
}
