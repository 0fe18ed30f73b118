package io.cityloop.gateway.platform;

import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Tells the services who is calling, in {@value #HEADER}: the address of the TCP peer, or — when that peer is a
 * proxy the city trusts ({@code cityloop.gateway.trusted-proxies}) — the right-most address in its
 * {@code X-Forwarded-For} that is not itself a trusted proxy. Citizens' reports are limited per caller on that
 * value, so a value a caller sent itself is always replaced: anybody can write an {@code X-Forwarded-For}. With
 * {@code cityloop.edge.secret} ({@code CITYLOOP_EDGE_SECRET}) set, the request also carries {@value #EDGE_HEADER}
 * with it, without which the services do not believe {@value #HEADER} (a caller who reaches a service around the
 * gateway could write that header too).
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
public class ClientAddressFilter implements WebFilter {

    public static final String HEADER = "X-CityLoop-Client";
    /** Proves to a service that {@value #HEADER} was set by the gateway: the secret they share. */
    public static final String EDGE_HEADER = "X-CityLoop-Edge";

    private final Pattern trustedProxies;
    private final String edgeSecret;

    public ClientAddressFilter(@Value("${cityloop.gateway.trusted-proxies:}") String trustedProxies) {
        this(trustedProxies, "");
    }

    @org.springframework.beans.factory.annotation.Autowired
    public ClientAddressFilter(@Value("${cityloop.gateway.trusted-proxies:}") String trustedProxies,
                               @Value("${cityloop.edge.secret:}") String edgeSecret) {
        this.trustedProxies = trustedProxies == null || trustedProxies.isBlank() ? null
                : Pattern.compile(trustedProxies);
        this.edgeSecret = edgeSecret == null ? "" : edgeSecret;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        ServerHttpRequest request = exchange.getRequest();
        String client = clientOf(request.getRemoteAddress(), request.getHeaders().get("X-Forwarded-For"));
        ServerHttpRequest tagged = request.mutate().headers(headers -> {
            headers.set(HEADER, client);
            // Whatever a caller sent here is not the gateway's word.
            headers.remove(EDGE_HEADER);
            if (!edgeSecret.isBlank()) {
                headers.set(EDGE_HEADER, edgeSecret);
            }
        }).build();
        return chain.filter(exchange.mutate().request(tagged).build());
    }

    String clientOf(InetSocketAddress peer, List<String> forwardedFor) {
        String peerAddress = peer == null || peer.getAddress() == null ? "unknown"
                : peer.getAddress().getHostAddress();
        if (trustedProxies == null || !trustedProxies.matcher(peerAddress).matches() || forwardedFor == null) {
            return peerAddress;
        }
        List<String> hops = new ArrayList<>();
        for (String value : forwardedFor) {
            for (String hop : value.split(",")) {
                if (!hop.isBlank()) {
                    hops.add(hop.trim());
                }
            }
        }
        for (int i = hops.size() - 1; i >= 0; i--) {
            if (!trustedProxies.matcher(hops.get(i)).matches()) {
                return hops.get(i);
            }
        }
        return hops.isEmpty() ? peerAddress : hops.get(0);
    }
}
