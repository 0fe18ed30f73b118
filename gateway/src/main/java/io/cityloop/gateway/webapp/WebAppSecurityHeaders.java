package io.cityloop.gateway.webapp;

import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

import reactor.core.publisher.Mono;

/**
 * The browser-side rules of the apps: scripts, styles, fonts and API calls from this origin only (nothing from a
 * CDN), images also from photo blobs and the configured tile server, no framing. Vue compiles the apps' templates
 * in the browser, which needs {@code 'unsafe-eval'}; precompiled templates would let that go.
 */
@Component
class WebAppSecurityHeaders implements WebFilter {

    private final String policy;

    WebAppSecurityHeaders(WebAppProperties properties) {
        String tiles = properties.tiles().origin();
        this.policy = "default-src 'self'; script-src 'self' 'unsafe-eval'; style-src 'self' 'unsafe-inline'; "
                + "img-src 'self' data: blob:" + (tiles.isEmpty() ? "" : " " + tiles) + "; font-src 'self'; "
                + "connect-src 'self'; worker-src 'self'; manifest-src 'self'; object-src 'none'; "
                + "base-uri 'self'; form-action 'self'; frame-ancestors 'none'";
    }

    String policy() {
        return policy;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        exchange.getResponse().beforeCommit(() -> {
            HttpHeaders headers = exchange.getResponse().getHeaders();
            headers.set("Content-Security-Policy", policy);
            headers.set("X-Content-Type-Options", "nosniff");
            headers.set("Referrer-Policy", "same-origin");
            headers.set("Permissions-Policy", "geolocation=(self), camera=(self), microphone=()");
            return Mono.empty();
        });
        return chain.filter(exchange);
    }
}
