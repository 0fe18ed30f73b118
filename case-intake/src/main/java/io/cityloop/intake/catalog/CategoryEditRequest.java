package io.cityloop.intake.catalog;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import io.cityloop.intake.web.PlainText;
import io.cityloop.reference.Urgency;
import io.cityloop.reference.WorkingTimeUnit;

/** An admin's new or changed minor category, based on the catalog version in force. */
record CategoryEditRequest(
        @NotBlank @Size(max = 32) @PlainText String baseVersion,
        @NotBlank @Size(max = 30) @PlainText String name,
        @NotNull Urgency urgency,
        @NotNull @Valid Limit handlingLimit,
        @NotNull @DecimalMin("0.25") @DecimalMax("24") Double verificationLimitHours,
        @NotBlank @Pattern(regexp = "DISTRICT|dept-\\d{2}") String defaultUnit,
        @NotBlank @Size(max = 200) @PlainText String filingCriterion,
        @NotBlank @Size(max = 200) @PlainText String closingCriterion,
        @Size(max = 200) @PlainText String note) {

    record Limit(@NotNull @DecimalMin("0.5") @DecimalMax("420") Double amount, @NotNull WorkingTimeUnit unit) {
    }
}
