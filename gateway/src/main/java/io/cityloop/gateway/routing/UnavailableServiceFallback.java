package io.cityloop.gateway.routing;

import io.cityloop.gateway.platform.Problem;
import io.cityloop.gateway.platform.RequestBodyLimitFilter;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;

/**
 * Where a route's circuit breaker forwards when its service is down, too slow or its breaker is open: the caller
 * gets a 503 problem naming the service rather than a gateway stack trace or a hanging request. A chunked body cut
 * off at the size limit also ends here (the breaker catches every error of the call): that is the caller's 413.
 *
 * <p>Only reachable by the gateway's internal forward; the security chain denies it from outside.
 */
@RestController
class UnavailableServiceFallback {

    @RequestMapping("/fallback/{service}")
    ResponseEntity<Problem> unavailable(@PathVariable String service, ServerWebExchange exchange) {
        Throwable failure = exchange.getAttribute(ServerWebExchangeUtils.CIRCUITBREAKER_EXECUTION_EXCEPTION_ATTR);
        RequestBodyLimitFilter.BodyTooLargeException tooLarge = RequestBodyLimitFilter.BodyTooLargeException.in(failure);
        if (tooLarge != null) {
            Problem problem = Problem.payloadTooLarge(originalPath(exchange), tooLarge.limit());
            return ResponseEntity.status(problem.status()).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .body(problem);
        }
        Problem problem = Problem.unavailable(originalPath(exchange),
                service + " is unavailable at the moment; try again shortly");
        return ResponseEntity.status(problem.status()).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    private static String originalPath(ServerWebExchange exchange) {
        String original = exchange.getAttribute(OriginalPathFilter.ATTRIBUTE);
        return original != null ? original : exchange.getRequest().getPath().value();
    }
}
