package io.cityloop.intake.casefile.adapters.persistence;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.MongoTemplate;

import io.cityloop.intake.casefile.application.IntakeSettings;
import io.cityloop.intake.casefile.application.NearbyCases;

/** Native geo queries on a real MongoDB ({@code cityloop.intake.geo.native-queries=true}), a bounding box otherwise. */
@Configuration(proxyBeanMethods = false)
class GeoConfiguration {

    @Bean
    NearbyCases nearbyCases(MongoTemplate mongo, CaseFileMapper mapper, IntakeSettings settings) {
        return settings.geo().nativeQueries()
                ? new NativeGeoNearbyCases(mongo, mapper)
                : new BoundingBoxNearbyCases(mongo, mapper);
    }
}
