package io.cityloop.intake.casefile.model;

import java.util.EnumSet;
import java.util.Set;

/** Where a case (案件) stands in the supervision center's view of the loop. The allowed edges live here only. */
public enum CaseStatus {

    /** 已上报: reported, waiting for the operator's filing review. */
    REPORTED,
    /** 已立案: filed, waiting for the command center to dispatch it. */
    FILED,
    /** 不予立案: not filed, with a coded reason. An end state. */
    REJECTED,
    /** 已派遣: a handling unit has the task. */
    DISPATCHED,
    /** 已签收: the unit accepted the task. */
    ACCEPTED,
    /** 已反馈: the unit reports it handled. */
    HANDLED,
    /** 核查中: an inspector of the grid is asked to check on site. */
    VERIFYING,
    /** 核查通过: the on-site check passed. */
    VERIFIED,
    /** 返工: the check failed; the same unit must handle it again. */
    REWORK,
    /** 已结案: closed. An end state. */
    CLOSED;

    public Set<CaseStatus> next() {
        return switch (this) {
            case REPORTED -> EnumSet.of(FILED, REJECTED);
            case FILED -> EnumSet.of(DISPATCHED);
            case DISPATCHED -> EnumSet.of(ACCEPTED);
            case ACCEPTED, REWORK -> EnumSet.of(HANDLED);
            case HANDLED -> EnumSet.of(VERIFYING);
            case VERIFYING -> EnumSet.of(VERIFIED, REWORK);
            case VERIFIED -> EnumSet.of(CLOSED);
            case REJECTED, CLOSED -> EnumSet.noneOf(CaseStatus.class);
        };
    }

    public boolean canMoveTo(CaseStatus target) {
        return next().contains(target);
    }
}
