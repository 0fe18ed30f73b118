package io.cityloop.assessment.scheme.model;

/** Who a scorecard assesses. */
public enum Scope {
    /** 处置单位: the 21 departments and the 13 district platforms as handlers. */
    UNIT("处置单位"),
    /** 区域: the 13 districts as places where problems occur. */
    DISTRICT("区域"),
    /** 岗位 监督员: grid inspectors. */
    INSPECTOR("监督员"),
    /** 岗位 受理员: operators. */
    OPERATOR("受理员"),
    /** 岗位 派遣员: dispatchers. */
    DISPATCHER("派遣员");

    private final String label;

    Scope(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public boolean isPosition() {
        return this == INSPECTOR || this == OPERATOR || this == DISPATCHER;
    }
}
