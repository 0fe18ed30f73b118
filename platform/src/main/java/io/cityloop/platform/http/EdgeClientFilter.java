package io.cityloop.platform.http;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Collections;
import java.util.Enumeration;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The gateway tells a service who is calling in {@value #CLIENT_HEADER}; anybody who reaches a service around the
 * gateway could write that header too and pick a fresh identity for every request (and so for every per-client
 * limit). The header is believed only when the request also carries {@value #EDGE_HEADER} with the secret the
 * gateway and the services share ({@code cityloop.edge.secret}, {@code CITYLOOP_EDGE_SECRET}); otherwise it is
 * removed and the TCP peer is the caller. Without a secret configured the header is never believed.
 */
public class EdgeClientFilter extends OncePerRequestFilter {

    public static final String CLIENT_HEADER = "X-CityLoop-Client";
    public static final String EDGE_HEADER = "X-CityLoop-Edge";

    private final byte[] secret;

    public EdgeClientFilter(String secret) {
        this.secret = secret == null || secret.isBlank() ? null : secret.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (request.getHeader(CLIENT_HEADER) == null || fromTheGateway(request.getHeader(EDGE_HEADER))) {
            chain.doFilter(request, response);
            return;
        }
        chain.doFilter(new WithoutClientHeader(request), response);
    }

    boolean fromTheGateway(String presented) {
        return secret != null && presented != null
                && MessageDigest.isEqual(secret, presented.getBytes(StandardCharsets.UTF_8));
    }

    private static final class WithoutClientHeader extends HttpServletRequestWrapper {

        WithoutClientHeader(HttpServletRequest request) {
            super(request);
        }

        private static boolean hidden(String name) {
            return CLIENT_HEADER.equalsIgnoreCase(name);
        }

        @Override
        public String getHeader(String name) {
            return hidden(name) ? null : super.getHeader(name);
        }

        @Override
        public Enumeration<String> getHeaders(String name) {
            return hidden(name) ? Collections.emptyEnumeration() : super.getHeaders(name);
        }

        @Override
        public Enumeration<String> getHeaderNames() {
            return Collections.enumeration(Collections.list(super.getHeaderNames()).stream()
                    .filter(name -> !hidden(name)).toList());
        }
    }
}
