package io.cityloop.intake.casefile.application;

/** A report as it arrives from the field, before it is checked against the catalog and the grid. */
public record NewReport(String categoryCode, String description, double lon, double lat, String address,
                        String idempotencyKey) {

    /** The content that makes two submissions the same report; the key itself is not part of it. */
    String fingerprint() {
        return categoryCode + '|' + description + '|' + lon + '|' + lat + '|' + (address == null ? "" : address);
    }
}
