package io.cityloop.intake.casefile.adapters.web;

import java.util.List;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import io.cityloop.intake.casefile.model.ConfirmationResult;
import io.cityloop.intake.web.PlainText;

/**
 * The inspector's 核实 answer on site: CONFIRMED (属实) needs a photo taken there, REFUTED (不属实) a note saying what
 * was found; photos uploaded first.
 */
record ConfirmationRequest(@NotNull ConfirmationResult result, @Size(max = 500) @PlainText String note,
                           @Size(max = 6) List<@Pattern(regexp = "[0-9a-f]{24}") String> photoIds) {
}
