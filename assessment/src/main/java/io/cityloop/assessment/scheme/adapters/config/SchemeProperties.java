package io.cityloop.assessment.scheme.adapters.config;

import java.util.List;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where the scoring schemes are and which month uses which.
 *
 * @param locations  Spring resource patterns of scheme JSON files
 * @param selections month (yyyy-MM) → {@code id@version}, overriding the effective-from rule for that month
 */
@ConfigurationProperties("cityloop.assessment.scheme")
public record SchemeProperties(List<String> locations, Map<String, String> selections) {

    public SchemeProperties {
        locations = locations == null || locations.isEmpty() ? List.of("classpath*:scoring-schemes/*.json")
                : List.copyOf(locations);
        selections = selections == null ? Map.of() : Map.copyOf(selections);
    }
}
