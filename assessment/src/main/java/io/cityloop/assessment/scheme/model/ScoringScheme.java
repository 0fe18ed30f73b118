package io.cityloop.assessment.scheme.model;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * 考核方案: the declared, versioned formula of the monthly assessment — which indicators, their weights, the
 * deductions, the grade bands and the counting rules. A month is scored by one scheme, named on every scorecard.
 *
 * @param effectiveFrom the first month (yyyy-MM) this scheme applies to by default; {@code null} for a scheme that
 *                      applies only where configuration selects it
 * @param minimumVolume rows whose volume is below it are shown but not ranked (marked {@code lowVolume})
 */
public record ScoringScheme(
        String id,
        String version,
        String name,
        String effectiveFrom,
        int minimumVolume,
        CountingRules countingRules,
        List<GradeBand> gradeBands,
        Map<Scope, Formula> formulas) {

    private static final double WEIGHT_TOLERANCE = 1e-9;

    public ScoringScheme {
        countingRules = countingRules == null ? CountingRules.DEFAULT : countingRules;
        gradeBands = gradeBands == null ? List.of() : gradeBands.stream()
                .sorted(Comparator.comparingDouble(GradeBand::min).reversed()).toList();
        formulas = formulas == null ? Map.of() : Map.copyOf(formulas);
    }

    /** {@code id@version}, as printed on scorecards. */
    public String reference() {
        return id + "@" + version;
    }

    public Formula formula(Scope scope) {
        return formulas.get(scope);
    }

    /** Checks the scheme before it is used: weights add up to 1, every indicator is defined, bands are usable. */
    public ScoringScheme validated() {
        List<String> problems = new ArrayList<>();
        if (id == null || id.isBlank() || version == null || version.isBlank()) {
            problems.add("id and version are required");
        }
        if (minimumVolume < 0) {
            problems.add("minimumVolume must not be negative");
        }
        if (gradeBands.isEmpty()) {
            problems.add("at least one grade band is required");
        } else if (gradeBands.get(gradeBands.size() - 1).min() > 0) {
            problems.add("the lowest grade band must start at 0 or below so that every score gets a grade");
        }
        for (Scope scope : Scope.values()) {
            Formula formula = formulas.get(scope);
            if (formula == null) {
                if (scope.required()) {
                    problems.add(scope + ": no formula");
                }
                continue;
            }
            checkFormula(scope, formula, problems);
        }
        if (countingRules.operatorLimitMinutes() <= 0 || countingRules.dispatcherLimitMinutes() <= 0
                || countingRules.shiftLeadLimitMinutes() < 0) {
            problems.add("counting rules: stage limits must be positive");
        }
        if (!problems.isEmpty()) {
            throw new InvalidSchemeException(reference(), problems);
        }
        return this;
    }

    private static void checkFormula(Scope scope, Formula formula, List<String> problems) {
        Set<String> defined = Indicators.keys(scope);
        if (formula.volume() == null || Measure.byKey(formula.volume()).filter(m -> m.appliesTo(scope)).isEmpty()) {
            problems.add(scope + ": volume must be a count of this scope, not " + formula.volume());
        }
        double weights = 0;
        for (Term term : formula.terms()) {
            if (!defined.contains(term.indicator())) {
                problems.add(scope + ": indicator " + term.indicator() + " is not defined");
            }
            if (term.weight() <= 0) {
                problems.add(scope + ": weight of " + term.indicator() + " must be positive");
            }
            weights += term.weight();
            checkBands(scope, term, problems);
        }
        if (Math.abs(weights - 1.0) > WEIGHT_TOLERANCE) {
            problems.add(scope + ": weights add up to " + weights + ", not 1");
        }
        for (Deduction deduction : formula.deductions()) {
            if (Measure.byKey(deduction.indicator()).filter(m -> m.appliesTo(scope)).isEmpty()) {
                problems.add(scope + ": deduction indicator " + deduction.indicator() + " is not a count of it");
            }
            if (deduction.points() < 0) {
                problems.add(scope + ": deduction points of " + deduction.indicator() + " must not be negative");
            }
        }
    }

    private static void checkBands(Scope scope, Term term, List<String> problems) {
        boolean count = Measure.byKey(term.indicator()).isPresent();
        if (count && !term.banded()) {
            problems.add(scope + ": count " + term.indicator() + " needs volume bands to be a term");
        }
        double previous = Double.NEGATIVE_INFINITY;
        for (Term.Band band : term.bands()) {
            if (band.value() < 0 || band.value() > 1) {
                problems.add(scope + ": band values of " + term.indicator() + " must be between 0 and 1");
            }
            if (band.min() == previous) {
                problems.add(scope + ": two bands of " + term.indicator() + " start at " + band.min());
            }
            previous = band.min();
        }
    }

    /** The grade band of a score. */
    public GradeBand gradeOf(double score) {
        for (GradeBand band : gradeBands) {
            if (score >= band.min()) {
                return band;
            }
        }
        return gradeBands.get(gradeBands.size() - 1);
    }
}
