package io.cityloop.gateway.routing;

import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.cloud.gateway.filter.ratelimit.AbstractRateLimiter;
import org.springframework.cloud.gateway.support.ConfigurationService;
import reactor.core.publisher.Mono;

/**
 * Spring Cloud Gateway's {@code RequestRateLimiter} for one gateway on one machine: a token bucket per route and
 * key (the caller's address for anonymous routes) held in this process, so the embedded mode needs no Redis. Where
 * a city runs several gateways, use Spring Cloud Gateway's {@code RedisRateLimiter} instead (add
 * {@code spring-boot-starter-data-redis-reactive}, declare it as the route's {@code rate-limiter}) so that all of them
 * share the buckets; this one's limits would otherwise apply per gateway.
 *
 * <p>Per route in the filter's args: {@code local-rate-limiter.replenishRate} (tokens a second) and
 * {@code local-rate-limiter.burstCapacity}; a refusal carries {@code Retry-After} (seconds until a token is back).
 * The table of buckets is bounded: when it reaches {@value #MAX_BUCKETS} keys the full (idle) buckets are dropped,
 * and if a flood of distinct keys still fills it, it starts afresh.
 */
public class LocalRateLimiter extends AbstractRateLimiter<LocalRateLimiter.Config> {

    public static final String CONFIGURATION_PROPERTY_NAME = "local-rate-limiter";
    static final int MAX_BUCKETS = 100_000;

    private final Clock clock;
    private final Config defaults;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

    public LocalRateLimiter(ConfigurationService configurationService, Clock clock, Config defaults) {
        super(Config.class, CONFIGURATION_PROPERTY_NAME, configurationService);
        this.clock = clock;
        this.defaults = defaults;
    }

    /** Tokens added a second and the most a bucket holds. */
    public static class Config {

        private double replenishRate = 1;
        private int burstCapacity = 1;

        public double getReplenishRate() {
            return replenishRate;
        }

        public Config setReplenishRate(double replenishRate) {
            this.replenishRate = replenishRate;
            return this;
        }

        public int getBurstCapacity() {
            return burstCapacity;
        }

        public Config setBurstCapacity(int burstCapacity) {
            this.burstCapacity = burstCapacity;
            return this;
        }
    }

    @Override
    public Mono<Response> isAllowed(String routeId, String id) {
        Config config = getConfig().getOrDefault(routeId, defaults);
        if (buckets.size() >= MAX_BUCKETS) {
            prune();
        }
        long now = clock.millis();
        Bucket bucket = buckets.computeIfAbsent(routeId + '\u0000' + id, k -> new Bucket(config.getBurstCapacity(), now));
        return Mono.just(bucket.take(config, now));
    }

    private void prune() {
        long now = clock.millis();
        buckets.values().removeIf(bucket -> bucket.isFull(now, defaults));
        if (buckets.size() >= MAX_BUCKETS) {
            buckets.clear();
        }
    }

    private static final class Bucket {

        private double tokens;
        private long updatedAt;

        Bucket(double tokens, long now) {
            this.tokens = tokens;
            this.updatedAt = now;
        }

        synchronized Response take(Config config, long now) {
            refill(config, now);
            if (tokens >= 1) {
                tokens -= 1;
                return new Response(true, Map.of("X-RateLimit-Remaining", String.valueOf((long) tokens)));
            }
            long retryAfter = (long) Math.ceil((1 - tokens) / Math.max(config.getReplenishRate(), 0.0001));
            return new Response(false, Map.of("Retry-After", String.valueOf(Math.max(1, retryAfter)),
                    "X-RateLimit-Remaining", "0"));
        }

        synchronized boolean isFull(long now, Config config) {
            refill(config, now);
            return tokens >= config.getBurstCapacity();
        }

        private void refill(Config config, long now) {
            double elapsedSeconds = Math.max(0, now - updatedAt) / 1000.0;
            tokens = Math.min(config.getBurstCapacity(), tokens + elapsedSeconds * config.getReplenishRate());
            updatedAt = now;
        }
    }
}
