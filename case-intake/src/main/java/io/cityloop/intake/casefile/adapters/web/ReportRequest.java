package io.cityloop.intake.casefile.adapters.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import io.cityloop.intake.casefile.model.ReportSource;
import io.cityloop.intake.web.PlainText;

/**
 * A report from the field: what, where (WGS84) and, optionally, the street address. Operators may say the channel
 * ({@code HOTLINE} by default, or {@code SENSOR} / {@code VIDEO_AI} for relayed alarms with the device and its
 * reading) and the caller they report for.
 */
record ReportRequest(
        @NotBlank @Pattern(regexp = "\\d{2}-\\d{2}-\\d{2}") String categoryCode,
        @NotBlank @Size(max = 500) @PlainText String description,
        @NotNull @Valid Position location,
        @Size(max = 200) @PlainText String address,
        ReportSource source,
        @Size(max = 64) @Pattern(regexp = "[A-Za-z0-9._:-]*") String deviceId,
        @DecimalMin("-1000000") @DecimalMax("1000000") Double reading,
        @Valid Caller caller) {

    record Position(
            @NotNull @DecimalMin("-180") @DecimalMax("180") Double lon,
            @NotNull @DecimalMin("-90") @DecimalMax("90") Double lat) {
    }

    record Caller(@Size(max = 40) @PlainText String name, @Size(max = 20) @Pattern(regexp = "[0-9+ -]*") String phone) {
    }
}
