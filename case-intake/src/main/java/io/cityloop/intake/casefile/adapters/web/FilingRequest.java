package io.cityloop.intake.casefile.adapters.web;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import io.cityloop.intake.casefile.model.RejectionReason;
import io.cityloop.intake.web.PlainText;

/**
 * The operator's decision: FILE, REJECT (with its coded reason), MERGE (into {@code masterCaseId}), REQUEST_INFO
 * (the question in {@code note}) or CONFIRM (派核实: to the inspector of the cell, for a report not from one). Filing a component case (部件) may name the component's owner, a department id,
 * which routes the case to the owner's unit.
 */
record FilingRequest(@NotNull Decision decision, RejectionReason reasonCode,
                     @Size(max = 32) @Pattern(regexp = "CL\\d{14}") String masterCaseId,
                     @Size(max = 500) @PlainText String note,
                     @Pattern(regexp = "dept-\\d{2}") String componentOwner) {

    enum Decision {
        FILE,
        REJECT,
        MERGE,
        REQUEST_INFO,
        CONFIRM
    }
}
