package io.cityloop.gateway.routing;

import java.time.Clock;

import io.cityloop.gateway.platform.ClientAddressFilter;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.cloud.gateway.filter.ratelimit.KeyResolver;
import org.springframework.cloud.gateway.support.ConfigurationService;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import reactor.core.publisher.Mono;

/**
 * The rate limiter of the anonymous routes and its key: the caller's address as {@link ClientAddressFilter} settled
 * it (a trusted proxy's {@code X-Forwarded-For}, otherwise the TCP peer; never what the caller claims).
 */
@Configuration(proxyBeanMethods = false)
class RateLimitConfiguration {

    @Bean
    LocalRateLimiter localRateLimiter(ConfigurationService configurationService, Clock clock,
                                      @Value("${cityloop.gateway.public.rate:2}") double rate,
                                      @Value("${cityloop.gateway.public.burst:100}") int burst) {
        return new LocalRateLimiter(configurationService, clock,
                new LocalRateLimiter.Config().setReplenishRate(rate).setBurstCapacity(burst));
    }

    @Bean
    KeyResolver clientKeyResolver() {
        return exchange -> Mono.justOrEmpty(exchange.getRequest().getHeaders().getFirst(ClientAddressFilter.HEADER))
                .defaultIfEmpty("unknown");
    }
}
