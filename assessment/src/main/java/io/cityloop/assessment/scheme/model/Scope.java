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
    DISPATCHER("派遣员"),
    /**
     * 岗位 值班长: shift leads, for the filings they decide in that role. Added with scheme 2026.2; a scheme without a
     * formula for it leaves its rows unscored.
     */
    SHIFT_LEAD("值班长");

    private final String label;

    Scope(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public boolean isPosition() {
        return this == INSPECTOR || this == OPERATOR || this == DISPATCHER || this == SHIFT_LEAD;
    }

    /** Whether every scheme must score this scope; scopes added later are optional in older schemes. */
    public boolean required() {
        return this != SHIFT_LEAD;
    }
}
