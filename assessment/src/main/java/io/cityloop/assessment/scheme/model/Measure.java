package io.cityloop.assessment.scheme.model;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** A count on a scorecard (计数指标); every count drills down to the cases behind it. */
public enum Measure {
    DISPATCHED("dispatched", "应处置数", Scope.UNIT, Scope.DISTRICT),
    HANDLED("handled", "处置数", Scope.UNIT, Scope.DISTRICT),
    HANDLED_ON_TIME("handledOnTime", "按期处置数", Scope.UNIT, Scope.DISTRICT),
    HANDLED_LATE("handledLate", "超期处置数", Scope.UNIT, Scope.DISTRICT),
    OVERDUE_OPEN("overdueOpen", "超期未处置数", Scope.UNIT, Scope.DISTRICT),
    OVERDUE("overdue", "超期数", Scope.UNIT, Scope.DISTRICT),
    PENDING("pending", "在办未到期数", Scope.UNIT, Scope.DISTRICT),
    REWORK("rework", "返工数", Scope.UNIT, Scope.DISTRICT),
    REWORK_TIMES("reworkTimes", "返工次数", Scope.UNIT, Scope.DISTRICT),
    CARRIED_OVER("carriedOver", "结转超期数", Scope.UNIT, Scope.DISTRICT),
    DUE_TO_CLOSE("dueToClose", "应结案数", Scope.DISTRICT),
    CLOSED("closed", "结案数", Scope.UNIT, Scope.DISTRICT),
    CLOSED_ON_TIME("closedOnTime", "按期结案数", Scope.UNIT, Scope.DISTRICT),
    EXTENDED("extended", "延期数", Scope.UNIT),
    RETURNED("returned", "回退数", Scope.UNIT, Scope.DISTRICT),
    RETURNED_JUSTIFIED("returnedJustified", "合理回退数", Scope.UNIT, Scope.DISTRICT, Scope.DISPATCHER),
    ESCALATED("escalated", "督办数", Scope.UNIT, Scope.DISTRICT),
    SUSPENDED("suspended", "挂账数", Scope.UNIT),
    HANDLING_SECONDS("handlingSeconds", "处置用时(秒)", Scope.UNIT),
    REPORTED("reported", "上报数", Scope.DISTRICT, Scope.INSPECTOR),
    VALID_REPORTED("validReported", "有效上报数", Scope.DISTRICT, Scope.INSPECTOR),
    FILED("filed", "立案数", Scope.DISTRICT, Scope.OPERATOR, Scope.SHIFT_LEAD),
    PUBLIC_FILED("publicFiled", "监督举报核实数", Scope.DISTRICT),
    MISSED("missed", "漏报数", Scope.INSPECTOR),
    VERIFICATIONS("verifications", "核查数", Scope.INSPECTOR),
    VERIFIED_ON_TIME("verifiedOnTime", "按时核查数", Scope.INSPECTOR),
    /** 核实数: reports sent to the inspector to confirm on site before filing (核实, not 核查). */
    CONFIRMATIONS("confirmations", "核实数", Scope.INSPECTOR),
    /** 按时核实数: of those, answered by the due time before the cut-off. */
    CONFIRMED_ON_TIME("confirmedOnTime", "按时核实数", Scope.INSPECTOR),
    DECISIONS("decisions", "受理数", Scope.OPERATOR),
    DECIDED_ON_TIME("decidedOnTime", "按时受理数", Scope.OPERATOR),
    MERGES("merges", "合并数", Scope.OPERATOR),
    /** 核实派发数: reports the operator sent to an inspector to confirm; the automatic rule's are no operator's. */
    CONFIRMATIONS_SENT("confirmationsSent", "核实派发数", Scope.OPERATOR),
    /** 核实按时派发数: of those, sent within the operator's limit of the report (as 按时受理). */
    CONFIRMATIONS_SENT_ON_TIME("confirmationsSentOnTime", "核实按时派发数", Scope.OPERATOR),
    FILED_ACCURATE("filedAccurate", "准确立案数", Scope.OPERATOR, Scope.SHIFT_LEAD),
    FILED_ON_TIME("filedOnTime", "按时立案数", Scope.SHIFT_LEAD),
    DISPATCHES("dispatches", "派遣数", Scope.DISPATCHER),
    DISPATCHED_ON_TIME("dispatchedOnTime", "按时派遣数", Scope.DISPATCHER);

    public static final int COUNT = values().length;

    private final String key;
    private final String label;
    private final Set<Scope> scopes;

    Measure(String key, String label, Scope first, Scope... more) {
        this.key = key;
        this.label = label;
        this.scopes = EnumSet.of(first, more);
    }

    public String key() {
        return key;
    }

    public String label() {
        return label;
    }

    public boolean appliesTo(Scope scope) {
        return scopes.contains(scope);
    }

    public static List<Measure> of(Scope scope) {
        return Arrays.stream(values()).filter(measure -> measure.appliesTo(scope)).toList();
    }

    public static Optional<Measure> byKey(String key) {
        return Arrays.stream(values()).filter(measure -> measure.key.equals(key)).findFirst();
    }
}
