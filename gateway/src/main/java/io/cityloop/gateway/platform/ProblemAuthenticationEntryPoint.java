package io.cityloop.gateway.platform;

import org.springframework.http.HttpHeaders;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Answers a missing or bad bearer token with a 401 problem instead of Spring's empty body, keeping the RFC 6750
 * {@code WWW-Authenticate} challenge so generic OAuth2 clients still know what to do.
 */
class ProblemAuthenticationEntryPoint implements ServerAuthenticationEntryPoint {

    private final ProblemWriter problems;

    ProblemAuthenticationEntryPoint(ProblemWriter problems) {
        this.problems = problems;
    }

    @Override
    public Mono<Void> commence(ServerWebExchange exchange, AuthenticationException failure) {
        boolean tokenRejected = failure instanceof OAuth2AuthenticationException;
        exchange.getResponse().getHeaders().set(HttpHeaders.WWW_AUTHENTICATE,
                tokenRejected ? "Bearer error=\"invalid_token\"" : "Bearer");
        String detail = tokenRejected
                ? "the bearer token is invalid or expired; sign in again"
                : "a bearer token is required; sign in at /api/auth/token or with the city's identity provider";
        return problems.write(exchange, Problem.unauthenticated(exchange.getRequest().getPath().value(), detail));
    }
}
