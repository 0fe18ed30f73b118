package io.cityloop.intake.casefile.model;

/** The inspector's answer to a 核实 request. */
public enum ConfirmationResult {
    /** 属实: the problem is there as reported; the report goes on to filing. */
    CONFIRMED,
    /** 不属实: nothing (or not that) is there; the report is rejected. */
    REFUTED
}
