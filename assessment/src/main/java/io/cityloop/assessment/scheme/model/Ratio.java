package io.cityloop.assessment.scheme.model;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** A rate on a scorecard (比率指标): numerator / denominator, 4 decimals half up, undefined on a zero denominator. */
public enum Ratio {
    HANDLING_RATE("handlingRate", "处置率", Measure.HANDLED, Measure.DISPATCHED, Scope.UNIT, Scope.DISTRICT),
    ON_TIME_RATE("onTimeRate", "按期处置率", Measure.HANDLED_ON_TIME, Measure.DISPATCHED, Scope.UNIT, Scope.DISTRICT),
    OVERDUE_RATE("overdueRate", "超期率", Measure.OVERDUE, Measure.DISPATCHED, Scope.UNIT, Scope.DISTRICT),
    REWORK_RATE("reworkRate", "返工率", Measure.REWORK, Measure.HANDLED, Scope.UNIT, Scope.DISTRICT),
    CLOSING_RATE("closingRate", "结案率", Measure.CLOSED, Measure.DISPATCHED, Scope.UNIT, Scope.DISTRICT),
    ON_TIME_CLOSING_RATE("onTimeClosingRate", "按期结案率", Measure.CLOSED_ON_TIME, Measure.DISPATCHED, Scope.UNIT,
            Scope.DISTRICT),
    DUE_CLOSING_RATE("dueClosingRate", "结案率(应结案)", Measure.CLOSED, Measure.DUE_TO_CLOSE, Scope.DISTRICT),
    DUE_ON_TIME_CLOSING_RATE("dueOnTimeClosingRate", "按期结案率(应结案)", Measure.CLOSED_ON_TIME, Measure.DUE_TO_CLOSE,
            Scope.DISTRICT),
    RETURN_RATE("returnRate", "回退率", Measure.RETURNED, Measure.DISPATCHED, Scope.UNIT),
    FILING_RATE("filingRate", "有效上报立案率", Measure.FILED, Measure.VALID_REPORTED, Scope.DISTRICT),
    REPORT_FILING_RATE("reportFilingRate", "立案率", Measure.FILED, Measure.REPORTED, Scope.DISTRICT),
    PUBLIC_REPORT_RATE("publicReportRate", "监督举报率", Measure.PUBLIC_FILED, Measure.FILED, Scope.DISTRICT),
    VALID_REPORT_RATE("validReportRate", "有效上报率", Measure.VALID_REPORTED, Measure.REPORTED, Scope.INSPECTOR),
    ON_TIME_VERIFICATION_RATE("onTimeVerificationRate", "按时核查率", Measure.VERIFIED_ON_TIME, Measure.VERIFICATIONS,
            Scope.INSPECTOR),
    ON_TIME_CONFIRMATION_RATE("onTimeConfirmationRate", "按时核实率", Measure.CONFIRMED_ON_TIME,
            Measure.CONFIRMATIONS, Scope.INSPECTOR),
    ON_TIME_DECISION_RATE("onTimeDecisionRate", "按时受理率", Measure.DECIDED_ON_TIME, Measure.DECISIONS,
            Scope.OPERATOR),
    ON_TIME_CONFIRMATION_DISPATCH_RATE("onTimeConfirmationDispatchRate", "核实按时派发率",
            Measure.CONFIRMATIONS_SENT_ON_TIME, Measure.CONFIRMATIONS_SENT, Scope.OPERATOR),
    FILING_ACCURACY("filingAccuracy", "立案准确率", Measure.FILED_ACCURATE, Measure.FILED, Scope.OPERATOR,
            Scope.SHIFT_LEAD),
    ON_TIME_FILING_RATE("onTimeFilingRate", "按时立案率", Measure.FILED_ON_TIME, Measure.FILED, Scope.SHIFT_LEAD),
    ON_TIME_DISPATCH_RATE("onTimeDispatchRate", "按时派遣率", Measure.DISPATCHED_ON_TIME, Measure.DISPATCHES,
            Scope.DISPATCHER),
    MISDISPATCH_RATE("misdispatchRate", "误派率", Measure.RETURNED_JUSTIFIED, Measure.DISPATCHES, Scope.DISPATCHER),
    AVERAGE_HANDLING_HOURS("averageHandlingHours", "平均处置用时(工作小时)", Measure.HANDLING_SECONDS, Measure.HANDLED,
            Scope.UNIT) {
        @Override
        public Double of(long[] counts) {
            long handled = counts[Measure.HANDLED.ordinal()];
            if (handled == 0) {
                return null;
            }
            return round(counts[Measure.HANDLING_SECONDS.ordinal()] / 3600.0 / handled, 2);
        }
    };

    private final String key;
    private final String label;
    private final Measure numerator;
    private final Measure denominator;
    private final Set<Scope> scopes;

    Ratio(String key, String label, Measure numerator, Measure denominator, Scope first, Scope... more) {
        this.key = key;
        this.label = label;
        this.numerator = numerator;
        this.denominator = denominator;
        this.scopes = EnumSet.of(first, more);
    }

    public String key() {
        return key;
    }

    public String label() {
        return label;
    }

    public Measure numerator() {
        return numerator;
    }

    public Measure denominator() {
        return denominator;
    }

    public boolean appliesTo(Scope scope) {
        return scopes.contains(scope);
    }

    /** The rate of a row's counts, {@code null} when the denominator is 0. */
    public Double of(long[] counts) {
        return of(counts[numerator.ordinal()], counts[denominator.ordinal()]);
    }

    public static Double of(long numerator, long denominator) {
        if (denominator == 0) {
            return null;
        }
        return BigDecimal.valueOf(numerator)
                .divide(BigDecimal.valueOf(denominator), 4, RoundingMode.HALF_UP)
                .doubleValue();
    }

    static double round(double value, int scale) {
        return BigDecimal.valueOf(value).setScale(scale, RoundingMode.HALF_UP).doubleValue();
    }

    public static List<Ratio> of(Scope scope) {
        return Arrays.stream(values()).filter(ratio -> ratio.appliesTo(scope)).toList();
    }

    public static Optional<Ratio> byKey(String key) {
        return Arrays.stream(values()).filter(ratio -> ratio.key.equals(key)).findFirst();
    }
}
