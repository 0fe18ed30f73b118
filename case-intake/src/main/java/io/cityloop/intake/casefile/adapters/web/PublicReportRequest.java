package io.cityloop.intake.casefile.adapters.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import io.cityloop.intake.web.PlainText;

/** A citizen's report (公众举报); the contact phone is optional and never shown back. */
record PublicReportRequest(
        @NotBlank @Pattern(regexp = "\\d{2}-\\d{2}-\\d{2}") String categoryCode,
        @NotBlank @Size(max = 500) @PlainText String description,
        @NotNull @Valid ReportRequest.Position location,
        @Size(max = 200) @PlainText String address,
        @Size(max = 20) @Pattern(regexp = "[0-9+ -]*") String contactPhone) {
}
