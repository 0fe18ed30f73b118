package io.cityloop.gateway.platform;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.http.server.reactive.ServerHttpResponseDecorator;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * Spring Cloud Gateway's {@code RequestRateLimiter} refuses with a bare 429 and an empty body; every CityLoop refusal
 * is a problem. A response completed empty with 429 gets the {@code rate-limited} problem here (its
 * {@code Retry-After} was set by the rate limiter).
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 4)
public class RefusalProblemFilter implements WebFilter {

    private final JsonMapper json;

    public RefusalProblemFilter(JsonMapper json) {
        this.json = json;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        String path = exchange.getRequest().getPath().value();
        ServerHttpResponse response = new ServerHttpResponseDecorator(exchange.getResponse()) {
            @Override
            public Mono<Void> setComplete() {
                if (HttpStatus.TOO_MANY_REQUESTS.equals(getStatusCode()) && !isCommitted()) {
                    Problem problem = Problem.tooManyRequests(path,
                            "too many requests from your address; try again after Retry-After seconds");
                    getHeaders().setContentType(org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON);
                    return writeWith(Mono.just(bufferFactory().wrap(json.writeValueAsBytes(problem))));
                }
                return super.setComplete();
            }
        };
        return chain.filter(exchange.mutate().response(response).build());
    }
}
