package io.cityloop.gateway.routing;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.cityloop.gateway.platform.Problem;
import io.cityloop.gateway.platform.ProblemWriter;
import io.github.resilience4j.bulkhead.Bulkhead;
import io.github.resilience4j.bulkhead.BulkheadConfig;
import org.springframework.cloud.gateway.filter.GatewayFilter;
import org.springframework.cloud.gateway.filter.factory.AbstractGatewayFilterFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * A resilience4j semaphore bulkhead in front of a route, so one kind of traffic can hold only so many of a
 * service's threads at once: {@code maxConcurrent} calls in flight, the next one refused at once with 429 and
 * {@code Retry-After} (the gateway's own refusal, placed before the route's circuit breaker, so it never counts as
 * the service failing). {@code per: route} shares one bulkhead among all callers of the route (anonymous traffic);
 * {@code per: principal} gives every signed-in user their own (heavy exports), so one user cannot crowd out the
 * others. {@code refuseWith: 503} answers the excess as the service being at capacity instead (admission control of
 * new reports: the loop keeps working at its capacity and a client retries later with its Idempotency-Key).
 */
@Component
public class ConcurrencyLimitGatewayFilterFactory
        extends AbstractGatewayFilterFactory<ConcurrencyLimitGatewayFilterFactory.Config> {

    private final ProblemWriter problems;
    private final Map<String, Bulkhead> bulkheads = new ConcurrentHashMap<>();

    public ConcurrencyLimitGatewayFilterFactory(ProblemWriter problems) {
        super(Config.class);
        this.problems = problems;
    }

    /** @see ConcurrencyLimitGatewayFilterFactory */
    public static class Config {

        private String name = "default";
        private int maxConcurrent = 10;
        private String per = "route";
        private int refuseWith = 429;

        public String getName() {
            return name;
        }

        public void setName(String name) {
            this.name = name;
        }

        public int getMaxConcurrent() {
            return maxConcurrent;
        }

        public void setMaxConcurrent(int maxConcurrent) {
            this.maxConcurrent = maxConcurrent;
        }

        public String getPer() {
            return per;
        }

        public void setPer(String per) {
            this.per = per;
        }

        public int getRefuseWith() {
            return refuseWith;
        }

        public void setRefuseWith(int refuseWith) {
            if (refuseWith != 429 && refuseWith != 503) {
                throw new IllegalArgumentException("refuseWith must be 429 or 503, was " + refuseWith);
            }
            this.refuseWith = refuseWith;
        }
    }

    @Override
    public GatewayFilter apply(Config config) {
        BulkheadConfig limits = BulkheadConfig.custom()
                .maxConcurrentCalls(config.getMaxConcurrent())
                .maxWaitDuration(Duration.ZERO)
                .build();
        return (exchange, chain) -> key(exchange, config).flatMap(key -> {
            Bulkhead bulkhead = bulkheads.computeIfAbsent(key, k -> Bulkhead.of(k, limits));
            if (!bulkhead.tryAcquirePermission()) {
                exchange.getResponse().getHeaders().set(HttpHeaders.RETRY_AFTER, "1");
                String path = exchange.getRequest().getPath().value();
                return problems.write(exchange, config.getRefuseWith() == 503
                        ? Problem.unavailable(path, "new reports are coming in faster than they can be taken; "
                                + "the report was not taken — send it again in a moment with the same Idempotency-Key")
                        : Problem.tooManyRequests(path,
                                "too many requests of this kind are in progress; try again in a moment"));
            }
            return chain.filter(exchange).doFinally(signal -> bulkhead.onComplete());
        });
    }

    private static Mono<String> key(ServerWebExchange exchange, Config config) {
        if ("principal".equals(config.getPer())) {
            return exchange.getPrincipal().map(p -> config.getName() + ":" + p.getName())
                    .defaultIfEmpty(config.getName() + ":anonymous");
        }
        return Mono.just(config.getName());
    }
}
