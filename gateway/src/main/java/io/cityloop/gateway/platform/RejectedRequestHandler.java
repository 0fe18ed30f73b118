package io.cityloop.gateway.platform;

import org.springframework.security.web.server.firewall.ServerExchangeRejectedException;
import org.springframework.security.web.server.firewall.ServerExchangeRejectedHandler;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;

import reactor.core.publisher.Mono;

/**
 * The security firewall refuses paths such as {@code ..%2F..%2Fetc%2Fpasswd} before any route runs; its default
 * answer is a bare 400. Callers get a problem+json like every other refusal, without echoing the path.
 */
@Component
class RejectedRequestHandler implements ServerExchangeRejectedHandler {

    private final ProblemWriter problems;

    RejectedRequestHandler(ProblemWriter problems) {
        this.problems = problems;
    }

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, ServerExchangeRejectedException rejected) {
        return problems.write(exchange, Problem.validation(null,
                "the request path or headers contain characters that are not allowed (e.g. encoded slashes or '..')"));
    }
}
