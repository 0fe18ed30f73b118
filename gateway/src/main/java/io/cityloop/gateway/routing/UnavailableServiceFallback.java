package io.cityloop.gateway.routing;

import io.cityloop.gateway.platform.Problem;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;

/**
 * Where a route's circuit breaker forwards when its service is down, too slow or its breaker is open: the caller
 * gets a 503 problem naming the service rather than a gateway stack trace or a hanging request.
 *
 * <p>Only reachable by the gateway's internal forward; the security chain denies it from outside.
 */
@RestController
class UnavailableServiceFallback {

    @RequestMapping("/fallback/{service}")
    ResponseEntity<Problem> unavailable(@PathVariable String service, ServerWebExchange exchange) {
        Problem problem = Problem.unavailable(originalPath(exchange),
                service + " is unavailable at the moment; try again shortly");
        return ResponseEntity.status(problem.status()).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    private static String originalPath(ServerWebExchange exchange) {
        String original = exchange.getAttribute(OriginalPathFilter.ATTRIBUTE);
        return original != null ? original : exchange.getRequest().getPath().value();
    }
}
