package io.cityloop.intake.grid;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The unit grid is read once at start (about 37,000 cells, a few hundred milliseconds). */
@Configuration(proxyBeanMethods = false)
class GridConfiguration {

    @Bean
    UnitCellGrid unitCellGrid() {
        return UnitCellGrid.shipped();
    }
}
