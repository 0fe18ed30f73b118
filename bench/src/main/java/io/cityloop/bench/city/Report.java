package io.cityloop.bench.city;

import java.util.LinkedHashMap;
import java.util.Map;

/** One inspector's report (采集) as the gateway receives it, with the plan the simulation has for it. */
public record Report(String idempotencyKey, String categoryCode, String description, double lon, double lat,
                     String address, String districtCode, CasePlan plan) {

    /** The body of POST /api/cases. */
    public Map<String, Object> body() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("categoryCode", categoryCode);
        body.put("description", description);
        body.put("location", Map.of("lon", lon, "lat", lat));
        body.put("address", address);
        return body;
    }

    /** The tag in the description that lets the audit find two cases made from one report. */
    public static String tag(long sequence) {
        return "[B" + sequence + "]";
    }
}
