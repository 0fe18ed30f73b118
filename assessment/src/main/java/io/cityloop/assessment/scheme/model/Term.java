package io.cityloop.assessment.scheme.model;

import java.util.Comparator;
import java.util.List;

/**
 * One weighted part of a composite score: {@code weight × value}, or {@code weight × (1 − value)} when
 * {@code complement} (e.g. 1 − 返工率).
 *
 * @param whenUndefined the value used when the indicator is undefined (a rate over zero); the scheme says it
 * @param bands         volume bands (分档分值): when given, the value is the {@code value} of the highest band whose
 *                      {@code min} the indicator reaches (0 below the lowest), so a count such as 立案数 scores in
 *                      steps between 0 and 1; required for a count, optional for a rate
 */
public record Term(String indicator, double weight, boolean complement, double whenUndefined, List<Band> bands) {

    public Term {
        bands = bands == null ? List.of() : bands.stream().sorted(Comparator.comparingDouble(Band::min)).toList();
    }

    public Term(String indicator, double weight, boolean complement, double whenUndefined) {
        this(indicator, weight, complement, whenUndefined, List.of());
    }

    public boolean banded() {
        return !bands.isEmpty();
    }

    /** The band value of an indicator value: the highest band reached, 0 below the lowest. */
    public double banded(double value) {
        double result = 0;
        for (Band band : bands) {
            if (value >= band.min()) {
                result = band.value();
            }
        }
        return result;
    }

    /** 分档: indicator values of at least {@code min} score {@code value} (between 0 and 1). */
    public record Band(double min, double value) {
    }
}
