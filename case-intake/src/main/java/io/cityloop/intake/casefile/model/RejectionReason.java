package io.cityloop.intake.casefile.model;

/** 不予立案 reasons: a closed code list so that rejections can be counted and audited. */
public enum RejectionReason {
    /** 不属于受理范围 */
    NOT_IN_SCOPE,
    /** 未达立案标准 */
    CRITERION_NOT_MET,
    /** 位置不准确 */
    LOCATION_INVALID,
    /** 信息不全 */
    INFORMATION_INSUFFICIENT,
    /** 重复上报 */
    DUPLICATE,
    /** 核实不属实: the inspector sent to confirm the report on site found it untrue. */
    NOT_CONFIRMED
}
