package io.cityloop.intake.casefile.adapters.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** A report from the field: what, where (WGS84) and, optionally, the street address. */
record ReportRequest(
        @NotBlank @Size(max = 16) String categoryCode,
        @NotBlank @Size(max = 500) String description,
        @NotNull @Valid Position location,
        @Size(max = 200) String address) {

    record Position(
            @NotNull @DecimalMin("-180") @DecimalMax("180") Double lon,
            @NotNull @DecimalMin("-90") @DecimalMax("90") Double lat) {
    }
}
