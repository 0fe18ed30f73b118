package io.cityloop.intake.casefile.adapters.open311;

import java.util.Map;

/** The intake's field names as an Open311 client knows them, so a refusal names the field the client sent. */
final class Open311Fields {

    private static final Map<String, String> OPEN311_NAMES = Map.of(
            "categoryCode", "service_code",
            "serviceCode", "service_code",
            "location", "lat/long",
            "lon", "long",
            "address", "address_string",
            "addressString", "address_string",
            "firstName", "first_name",
            "lastName", "last_name");

    private Open311Fields() {
    }

    static String name(String field) {
        return OPEN311_NAMES.getOrDefault(field, field);
    }
}
