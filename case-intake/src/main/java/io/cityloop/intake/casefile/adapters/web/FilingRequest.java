package io.cityloop.intake.casefile.adapters.web;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import io.cityloop.intake.casefile.model.RejectionReason;

/** The operator's decision; a rejection needs its coded reason. */
record FilingRequest(@NotNull Decision decision, RejectionReason reasonCode, @Size(max = 500) String note) {

    enum Decision {
        FILE,
        REJECT
    }
}
