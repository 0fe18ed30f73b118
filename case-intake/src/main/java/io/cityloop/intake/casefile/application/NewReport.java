package io.cityloop.intake.casefile.application;

import io.cityloop.intake.casefile.model.ReportOrigin;

/** A report as it arrives from the field, before it is checked against the catalog and the grid. */
public record NewReport(String categoryCode, String description, double lon, double lat, String address,
                        String idempotencyKey, ReportOrigin origin) {

    public NewReport(String categoryCode, String description, double lon, double lat, String address,
                     String idempotencyKey) {
        this(categoryCode, description, lon, lat, address, idempotencyKey, ReportOrigin.NONE);
    }

    /** The content that makes two submissions the same report; the key itself is not part of it. */
    String fingerprint() {
        String base = categoryCode + '|' + description + '|' + lon + '|' + lat + '|' + (address == null ? "" : address);
        return origin == null || ReportOrigin.NONE.equals(origin) ? base : base + '|' + origin;
    }
}
