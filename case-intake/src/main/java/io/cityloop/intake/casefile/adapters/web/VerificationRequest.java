package io.cityloop.intake.casefile.adapters.web;

import java.util.List;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import io.cityloop.intake.casefile.model.VerificationResult;
import io.cityloop.intake.web.PlainText;

/** The inspector's verdict on site; a failure needs a note saying what is still wrong; photos uploaded first. */
record VerificationRequest(@NotNull VerificationResult result, @Size(max = 500) @PlainText String note,
                           @Size(max = 6) List<@Pattern(regexp = "[0-9a-f]{24}") String> photoIds) {
}
