package io.cityloop.assessment.scorecard.adapters.web;

import java.time.OffsetDateTime;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import io.cityloop.assessment.scheme.model.Formula;
import io.cityloop.assessment.scheme.model.GradeBand;
import io.cityloop.assessment.scheme.model.Indicators;
import io.cityloop.assessment.scheme.model.Scope;

import io.cityloop.assessment.scheme.model.ScoringScheme;
import io.cityloop.assessment.scorecard.application.MonthlyScorecard;
import io.cityloop.assessment.scorecard.model.Scorecard;
import io.cityloop.assessment.scorecard.model.ScorecardRow;

/**
 * A scorecard as JSON: the month and its close state, the cut-off, the scheme that scored it, the rows the caller
 * may see and the ranking everyone may see. Instants in the city's local time with offset.
 *
 * @param live    true while the month is a draft computed from the facts as they arrive
 * @param columns every key of a row in display order, with its Chinese name (the CSV and XLSX headers)
 */
public record ScorecardResponse(String month, String scope, String state, boolean live, OffsetDateTime cutOff,
                                OffsetDateTime generatedAt, SchemeView scheme, List<Map<String, Object>> rows,
                                List<RankingEntry> ranking, List<ColumnView> columns) {

    static ScorecardResponse of(MonthlyScorecard served, List<ScorecardRow> visibleRows) {
        Scorecard scorecard = served.scorecard();
        var zone = scorecard.period().month().zone();
        return new ScorecardResponse(scorecard.period().month().toString(), scorecard.scope().name(),
                served.state().name(), !served.state().frozen(),
                scorecard.period().cutOff().atZone(zone).toOffsetDateTime(),
                served.generatedAt().atZone(zone).toOffsetDateTime(),
                SchemeView.of(scorecard.scheme(), scorecard.scope()),
                visibleRows.stream().map(Columns::render).toList(), ranking(scorecard),
                Columns.of(scorecard.scope()).stream().map(c -> new ColumnView(c.key(), c.label())).toList());
    }

    private static List<RankingEntry> ranking(Scorecard scorecard) {
        return scorecard.rows().stream().filter(row -> row.score() != null)
                .sorted(Comparator.comparing((ScorecardRow row) -> row.rank() == null ? Integer.MAX_VALUE : row.rank())
                        .thenComparing(ScorecardRow::score, Comparator.reverseOrder()))
                .map(row -> new RankingEntry(row.rank(), row.entityId(), row.name(), row.score(),
                        row.grade() == null ? null : row.grade().grade(), row.volume(), row.lowVolume()))
                .toList();
    }

    /**
     * The scheme printed on the scorecard, with its formula for this scope and its grade bands, so that a reader
     * can recompute every score.
     */
    public record SchemeView(String id, String version, String name, String reference, int minimumVolume,
                             FormulaView formula, List<GradeBand> gradeBands) {
        static SchemeView of(ScoringScheme scheme, Scope scope) {
            Formula formula = scheme.formulas().get(scope);
            return new SchemeView(scheme.id(), scheme.version(), scheme.name(), scheme.reference(),
                    scheme.minimumVolume(), formula == null ? null : FormulaView.of(formula, scope),
                    scheme.gradeBands());
        }
    }

    /** 综合指标值 = Σ weight × rate (or 1 − rate) × 100 − Σ points × count, each indicator with its Chinese name. */
    public record FormulaView(String volume, List<TermView> terms, List<DeductionView> deductions) {
        static FormulaView of(Formula formula, Scope scope) {
            Map<String, String> labels = Indicators.of(scope);
            return new FormulaView(formula.volume(),
                    formula.terms().stream().map(t -> new TermView(t.indicator(),
                            labels.getOrDefault(t.indicator(), t.indicator()), t.weight(), t.complement(),
                            t.bands())).toList(),
                    formula.deductions().stream().map(d -> new DeductionView(d.indicator(),
                            labels.getOrDefault(d.indicator(), d.indicator()), d.points())).toList());
        }
    }

    /** A row's key and its Chinese name. */
    public record ColumnView(String key, String label) {
    }

    /** @param bands 分档分值: a count scores the value of the highest band it reaches; empty for a plain rate */
    public record TermView(String indicator, String label, double weight, boolean complement,
                           List<io.cityloop.assessment.scheme.model.Term.Band> bands) {
    }

    public record DeductionView(String indicator, String label, double points) {
    }

    /** 排名: open to every reader; rows below the minimum volume are listed last without a rank. */
    public record RankingEntry(Integer rank, String id, String name, Double score, String grade, long volume,
                               boolean lowVolume) {
    }
}
