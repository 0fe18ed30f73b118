package io.cityloop.dispatch.routing.application;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.cityloop.dispatch.routing.model.RoutingRules;
import io.cityloop.reference.CityReference;

/** The routing rules read the same reference data as the supervision center, so both agree on codes. */
@Configuration(proxyBeanMethods = false)
class RoutingConfiguration {

    @Bean
    RoutingRules routingRules(CityReference reference) {
        return new RoutingRules(reference);
    }
}
