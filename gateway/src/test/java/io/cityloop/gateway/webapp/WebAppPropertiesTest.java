package io.cityloop.gateway.webapp;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class WebAppPropertiesTest {

    @Test
    void noTileUrlMeansNoTilesAndNoExtraImageOrigin() {
        WebAppProperties.Tiles tiles = new WebAppProperties.Tiles("", "abc", "", 18);

        assertThat(tiles.enabled()).isFalse();
        assertThat(new WebAppSecurityHeaders(new WebAppProperties(tiles)).policy()).contains("img-src 'self' data: blob:;");
    }

    @Test
    void theTileServersOriginIsAllowedForImagesOnly() {
        WebAppProperties.Tiles tianditu = new WebAppProperties.Tiles(
                "https://t{s}.tianditu.gov.cn/vec_w/wmts?TILEMATRIX={z}&TILEROW={y}&TILECOL={x}&tk=demo", "01234567",
                "天地图", 18);

        String policy = new WebAppSecurityHeaders(new WebAppProperties(tianditu)).policy();

        assertThat(tianditu.origin()).isEqualTo("https://t*.tianditu.gov.cn");
        assertThat(policy).contains("img-src 'self' data: blob: https://t*.tianditu.gov.cn;")
                .contains("connect-src 'self';", "script-src 'self' 'unsafe-eval';");
    }
}
