package io.cityloop.notification.delivery.model;

import java.time.Duration;

/**
 * Exponential back-off with jitter: the n-th retry waits {@code base × 2^(n-1)}, capped, of which the upper half is
 * random ("equal jitter"), so receivers that failed together are not hit together again.
 */
public record RetryPolicy(int maxAttempts, Duration baseDelay, Duration maxDelay) {

    public RetryPolicy {
        if (maxAttempts < 1 || baseDelay.isNegative() || baseDelay.isZero() || maxDelay.compareTo(baseDelay) < 0) {
            throw new IllegalArgumentException("maxAttempts >= 1 and 0 < baseDelay <= maxDelay");
        }
    }

    /** Whether another attempt follows attempt number {@code attemptsMade} (1 = the first send). */
    public boolean retriesAfter(int attemptsMade) {
        return attemptsMade < maxAttempts;
    }

    /**
     * @param attemptsMade how many attempts failed so far (1 after the first)
     * @param random       a number in [0, 1)
     */
    public Duration delayAfter(int attemptsMade, double random) {
        int exponent = Math.min(Math.max(attemptsMade - 1, 0), 30);
        long capped = Math.min(maxDelay.toMillis(), baseDelay.toMillis() << exponent);
        long half = capped / 2;
        return Duration.ofMillis(capped - half + (long) (half * random));
    }
}
