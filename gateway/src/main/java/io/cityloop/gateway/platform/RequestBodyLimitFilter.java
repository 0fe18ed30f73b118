package io.cityloop.gateway.platform;

import java.util.concurrent.atomic.AtomicLong;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Caps every request body at {@code cityloop.gateway.max-request-size} however it is sent. A declared
 * {@code Content-Length} above it is refused 413 before a byte is read (as the routes' {@code RequestSize} filter
 * does); a chunked body, which declares nothing, is counted as it streams through and cut off at the limit, and the
 * caller gets the same 413 problem instead of the service receiving an unbounded body.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 2)
public class RequestBodyLimitFilter implements WebFilter {

    private final long maxLimit;
    private final long jsonLimit;
    private final ProblemWriter problems;

    /**
     * @param limit     every body ({@code cityloop.gateway.max-request-size}, 12 MB: photos)
     * @param jsonLimit JSON bodies ({@code cityloop.gateway.max-json-request-size}, 1 MB): the services refuse a
     *                  larger one themselves (platform's {@code cityloop.http.max-body}) and close the connection
     *                  while the gateway is still sending it — which the route's breaker would count as the
     *                  service failing, so a few oversized probes could shut the inspectors' reports out
     */
    public RequestBodyLimitFilter(@Value("${cityloop.gateway.max-request-size:12MB}") DataSize limit,
                                  @Value("${cityloop.gateway.max-json-request-size:1MB}") DataSize jsonLimit,
                                  ProblemWriter problems) {
        this.maxLimit = limit.toBytes();
        this.jsonLimit = Math.min(jsonLimit.toBytes(), maxLimit);
        this.problems = problems;
    }

    /** Thrown into the body's stream when it passes the limit. */
    public static final class BodyTooLargeException extends RuntimeException {

        private final long limit;

        BodyTooLargeException(long limit) {
            super("the request body is larger than " + limit + " bytes", null, false, false);
            this.limit = limit;
        }

        public long limit() {
            return limit;
        }

        /** The exception in {@code e}'s causes, if one of them is a body past the limit. */
        public static BodyTooLargeException in(Throwable e) {
            for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
                if (t instanceof BodyTooLargeException tooLarge) {
                    return tooLarge;
                }
            }
            return null;
        }
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        ServerHttpRequest request = exchange.getRequest();
        String path = request.getPath().value();
        long limit = json(request) ? jsonLimit : maxLimit;
        long declared = request.getHeaders().getContentLength();
        if (declared > limit) {
            return problems.write(exchange, Problem.payloadTooLarge(path, limit));
        }
        if (declared >= 0) {
            return chain.filter(exchange);
        }
        ServerHttpRequest counted = new ServerHttpRequestDecorator(request) {
            @Override
            public Flux<DataBuffer> getBody() {
                AtomicLong read = new AtomicLong();
                return super.getBody().map(buffer -> {
                    if (read.addAndGet(buffer.readableByteCount()) > limit) {
                        DataBufferUtils.release(buffer);
                        throw new BodyTooLargeException(limit);
                    }
                    return buffer;
                });
            }
        };
        return chain.filter(exchange.mutate().request(counted).build())
                .onErrorResume(e -> BodyTooLargeException.in(e) != null,
                        e -> problems.write(exchange, Problem.payloadTooLarge(path, limit)));
    }

    private static boolean json(ServerHttpRequest request) {
        org.springframework.http.MediaType type = request.getHeaders().getContentType();
        return type != null && (org.springframework.http.MediaType.APPLICATION_JSON.isCompatibleWith(type)
                || (type.getSubtype() != null && type.getSubtype().endsWith("+json")));
    }
}
