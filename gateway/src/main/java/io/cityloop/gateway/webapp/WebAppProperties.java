package io.cityloop.gateway.webapp;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * What the web apps need to know of this deployment: where the map's base tiles come from. Without a URL the
 * maps draw only the city's own vector layers (districts and the unit grid), which is what a city intranet
 * without a GIS server gets.
 *
 * @param tiles the base-tile source: the city's GIS, or 天地图 with its key in the URL; off when {@code url} is blank
 */
@ConfigurationProperties("cityloop.webapp")
public record WebAppProperties(@DefaultValue Tiles tiles) {

    /**
     * @param url         a Leaflet tile URL template, e.g. {@code https://t{s}.tianditu.gov.cn/vec_w/wmts?...&tk=KEY}
     * @param subdomains  the values of {@code {s}}
     * @param attribution shown in the map's corner, as the tile provider's terms ask
     * @param maxZoom     the deepest zoom the source serves
     */
    public record Tiles(@DefaultValue("") String url, @DefaultValue("abc") String subdomains,
                        @DefaultValue("") String attribution, @DefaultValue("18") int maxZoom) {

        public boolean enabled() {
            return url != null && !url.isBlank();
        }

        /** {@code https://t{s}.example.cn} of the URL, for the Content-Security-Policy's img-src. */
        public String origin() {
            if (!enabled()) {
                return "";
            }
            int path = url.indexOf('/', url.indexOf("://") + 3);
            String origin = path < 0 ? url : url.substring(0, path);
            return origin.replace("{s}", "*");
        }
    }
}
