package io.cityloop.gateway.routing;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Remembers the path the caller asked for. A circuit breaker's forward rewrites the request to {@code /fallback/…}
 * and the gateway records the original nowhere that survives the forward, yet the 503 problem must name the
 * caller's path as its {@code instance}.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class OriginalPathFilter implements WebFilter {

    static final String ATTRIBUTE = OriginalPathFilter.class.getName() + ".path";

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        exchange.getAttributes().putIfAbsent(ATTRIBUTE, exchange.getRequest().getPath().value());
        return chain.filter(exchange);
    }
}
