package io.cityloop.intake.casefile.adapters.web;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import io.cityloop.intake.casefile.model.VerificationResult;

/** The inspector's verdict on site; a failure needs a note saying what is still wrong. */
record VerificationRequest(@NotNull VerificationResult result, @Size(max = 500) String note) {
}
