package io.cityloop.assessment.scheme.model;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/** The indicators (考核指标) a scheme may name per scope: its counts, its rates and the district's incidence. */
public final class Indicators {

    /** 问题发生率: filed cases per km² of the district. */
    public static final String INCIDENCE = "incidencePerKm2";
    /** 问题发生率 normalised to [0, 1] by the highest district of the month. */
    public static final String NORMALISED_INCIDENCE = "normalisedIncidence";

    private Indicators() {
    }

    /** Every indicator key of a scope with its Chinese label, counts first. */
    public static Map<String, String> of(Scope scope) {
        Map<String, String> labels = new LinkedHashMap<>();
        Measure.of(scope).forEach(measure -> labels.put(measure.key(), measure.label()));
        Ratio.of(scope).forEach(ratio -> labels.put(ratio.key(), ratio.label()));
        if (scope == Scope.DISTRICT) {
            labels.put(INCIDENCE, "问题发生率(件/平方公里)");
            labels.put(NORMALISED_INCIDENCE, "归一化问题发生率");
        }
        return labels;
    }

    public static Set<String> keys(Scope scope) {
        return of(scope).keySet();
    }
}
