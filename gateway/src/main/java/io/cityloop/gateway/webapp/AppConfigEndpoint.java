package io.cityloop.gateway.webapp;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code /app-config.json}: the deployment's settings the apps read at start, open to anyone (no secrets). */
@RestController
class AppConfigEndpoint {

    private final WebAppProperties properties;

    AppConfigEndpoint(WebAppProperties properties) {
        this.properties = properties;
    }

    @GetMapping("/app-config.json")
    Map<String, Object> config() {
        Map<String, Object> config = new LinkedHashMap<>();
        WebAppProperties.Tiles tiles = properties.tiles();
        if (tiles.enabled()) {
            config.put("tiles", Map.of("url", tiles.url(), "subdomains", tiles.subdomains(),
                    "attribution", tiles.attribution(), "maxZoom", tiles.maxZoom()));
        }
        return config;
    }
}
