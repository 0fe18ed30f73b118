package io.cityloop.intake.casefile.adapters.open311;

import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import io.cityloop.intake.casefile.application.NewReport;
import io.cityloop.intake.casefile.model.ReportOrigin;
import io.cityloop.intake.web.PlainText;

/**
 * An Open311 "POST Service Request" as the intake takes it, with the same rules as a native public report. The
 * position is required: the city does not geocode {@code address_string}, it keeps it as the address. The e-mail
 * address is checked but not kept — the supervision center calls back by phone, and what it does not need it does
 * not store; {@code media_url} and {@code attribute[…]} are ignored.
 */
record Open311Submission(
        @NotBlank @Pattern(regexp = "\\d{2}-\\d{2}-\\d{2}", message = "must be a service code such as 02-01-01")
        String serviceCode,
        @NotNull(message = "is required; this city locates requests by lat/long only")
        @DecimalMin("-90") @DecimalMax("90") Double lat,
        @NotNull(message = "is required; this city locates requests by lat/long only")
        @DecimalMin("-180") @DecimalMax("180") Double lon,
        @NotBlank @Size(max = 500) @PlainText String description,
        @Size(max = 200) @PlainText String addressString,
        @Size(max = 100) @Email String email,
        @Size(max = 20) @PlainText String firstName,
        @Size(max = 20) @PlainText String lastName,
        @Size(max = 20) @Pattern(regexp = "[0-9+ -]*") String phone) {

    /** Reads Open311's parameter names; a position that is not a number is refused here, naming the field. */
    static Open311Submission from(Map<String, String> fields) {
        return new Open311Submission(fields.get("service_code"), number(fields, "lat"), number(fields, "long"),
                fields.get("description"), fields.get("address_string"), fields.get("email"),
                fields.get("first_name"), fields.get("last_name"), fields.get("phone"));
    }

    NewReport toReport(String idempotencyKey) {
        return new NewReport(serviceCode, description, lon, lat, blankToNull(addressString), idempotencyKey,
                contact());
    }

    /** The reporter's name and phone for a call back; a Chinese name is family name first, without a space. */
    private ReportOrigin contact() {
        boolean latin = isLatin(firstName) || isLatin(lastName);
        String name = (latin ? Stream.of(firstName, lastName) : Stream.of(lastName, firstName))
                .filter(part -> part != null && !part.isBlank())
                .map(String::strip)
                .collect(Collectors.joining(latin ? " " : ""));
        if (name.isEmpty() && blankToNull(phone) == null) {
            return ReportOrigin.NONE;
        }
        return new ReportOrigin(null, null, blankToNull(name), blankToNull(phone));
    }

    private static boolean isLatin(String part) {
        return part != null && part.chars().anyMatch(c -> c < 0x80 && Character.isLetter(c));
    }

    private static Double number(Map<String, String> fields, String name) {
        String value = fields.get(name);
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            double parsed = Double.parseDouble(value.strip());
            if (!Double.isFinite(parsed)) {
                throw Open311Exception.badRequest(name, "must be a finite number");
            }
            return parsed;
        } catch (NumberFormatException e) {
            throw Open311Exception.badRequest(name, "must be a number in decimal degrees (WGS84)");
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
