package io.cityloop.gateway.platform;

import java.util.List;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * The API's own request headers carry printable ASCII only (an {@code Idempotency-Key} is a UUID or the like, an
 * {@code If-Match} a version). A value with other bytes — e.g. a key typed in Chinese, sent as raw UTF-8 — is
 * refused here as a 400 problem naming the header and the rule, before it is forwarded to a service that could
 * only fail on it.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 3)
public class HeaderValueFilter implements WebFilter {

    static final List<String> ASCII_HEADERS = List.of("Idempotency-Key", "If-Match", "If-None-Match");

    private final ProblemWriter problems;

    public HeaderValueFilter(ProblemWriter problems) {
        this.problems = problems;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        for (String name : ASCII_HEADERS) {
            List<String> values = exchange.getRequest().getHeaders().get(name);
            if (values != null && values.stream().anyMatch(value -> !printableAscii(value))) {
                return problems.write(exchange, Problem.validation(exchange.getRequest().getPath().value(),
                        List.of(new Problem.FieldError(name, "ascii",
                                "must be printable ASCII, e.g. a UUID"))));
            }
        }
        return chain.filter(exchange);
    }

    static boolean printableAscii(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < 0x20 || c > 0x7E) {
                return false;
            }
        }
        return true;
    }
}
