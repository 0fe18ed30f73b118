package io.cityloop.intake.casefile.adapters.open311;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Open311 Service Discovery ({@code discovery.json} / {@code discovery.xml}): who to contact, how to get a key (none
 * is needed here), and the GeoReport v2 endpoint with its formats. {@code changeset} is when the catalog in force
 * was published, so a client refreshes its cached services when the catalog changes.
 */
record Open311Discovery(
        String changeset,
        String contact,
        @JsonProperty("key_service") String keyService,
        List<Endpoint> endpoints) {

    static final String SPECIFICATION = "http://wiki.open311.org/GeoReport_v2";
    static final List<String> FORMATS = List.of("text/xml", "application/json");

    record Endpoint(String specification, String url, String changeset, String type, List<String> formats) {
    }

    static Open311Discovery of(String changeset, String url) {
        return new Open311Discovery(changeset,
                "数字城管监督指挥中心，市民服务热线 12345 (the city's supervision center, hotline 12345)",
                "不需要 API key：api_key 可不填 (no API key is needed; api_key is ignored)",
                List.of(new Endpoint(SPECIFICATION, url, changeset, "production", FORMATS)));
    }
}
