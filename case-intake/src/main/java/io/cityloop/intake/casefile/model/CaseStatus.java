package io.cityloop.intake.casefile.model;

import java.util.EnumSet;
import java.util.Set;

/** Where a case (案件) stands in the supervision center's view of the loop. The allowed edges live here only. */
public enum CaseStatus {

    /** 已上报: reported, waiting for the operator's filing review. */
    REPORTED,
    /** 待补充: the operator asked the reporter for more information before deciding. */
    INFO_REQUESTED,
    /** 核实中: sent to the inspector of its cell to confirm on site before the filing decision. */
    CONFIRMING,
    /** 已立案: filed, waiting for the command center to dispatch it. */
    FILED,
    /** 不予立案: not filed, with a coded reason. An end state. */
    REJECTED,
    /** 已合并: a duplicate merged into an open master case; a shift lead may undo it. */
    MERGED,
    /** 已作废: cancelled by a shift lead before dispatch. An end state. */
    CANCELLED,
    /**
     * 已派遣: a handling unit has the task. Dispatched again (from here or from ACCEPTED) when a successor task
     * replaces the open one after a justified return (退回) or a reassignment (改派).
     */
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
            case REPORTED -> EnumSet.of(FILED, REJECTED, MERGED, INFO_REQUESTED, CONFIRMING, CANCELLED);
            case CONFIRMING -> EnumSet.of(REPORTED, REJECTED, CANCELLED);
            case INFO_REQUESTED -> EnumSet.of(REPORTED, REJECTED, MERGED, CANCELLED);
            case MERGED -> EnumSet.of(REPORTED);
            case FILED -> EnumSet.of(DISPATCHED, CANCELLED);
            case DISPATCHED -> EnumSet.of(ACCEPTED, DISPATCHED);
            case ACCEPTED -> EnumSet.of(HANDLED, DISPATCHED);
            case REWORK -> EnumSet.of(HANDLED);
            case HANDLED -> EnumSet.of(VERIFYING);
            case VERIFYING -> EnumSet.of(VERIFIED, REWORK);
            case VERIFIED -> EnumSet.of(CLOSED);
            case REJECTED, CANCELLED, CLOSED -> EnumSet.noneOf(CaseStatus.class);
        };
    }

    public boolean canMoveTo(CaseStatus target) {
        return next().contains(target);
    }

    /** Still a problem in the street that a new report may duplicate: not ended, not itself a duplicate. */
    public boolean isOpen() {
        return this != REJECTED && this != MERGED && this != CANCELLED && this != CLOSED;
    }

    /** Before the filing decision, while the operator may still merge the report into another case. */
    public boolean awaitsFiling() {
        return this == REPORTED || this == INFO_REQUESTED;
    }
}
