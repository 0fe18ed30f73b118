package io.cityloop.platform.concurrency;

import java.util.function.Predicate;
import java.util.function.Supplier;

import org.springframework.dao.OptimisticLockingFailureException;

/**
 * The one retry loop for optimistic locking: an attempt loads the aggregate afresh, decides the command against
 * its current state and saves it; when another writer saved the same document in between (the save is refused on
 * the stale version), the whole attempt runs again on the newer copy. Commands are decided against the aggregate's
 * state, not against what the caller saw — a caller who named a version ({@code If-Match}) is refused with a 409
 * by the command itself, not retried here.
 */
public final class ConcurrentChangeRetry {

    private final int attempts;
    private final Predicate<RuntimeException> concurrentChange;

    private ConcurrentChangeRetry(int attempts, Predicate<RuntimeException> concurrentChange) {
        if (attempts < 1) {
            throw new IllegalArgumentException("attempts must be at least 1");
        }
        this.attempts = attempts;
        this.concurrentChange = concurrentChange;
    }

    /** Retries when a save lost an optimistic-locking race ({@link OptimisticLockingFailureException}). */
    public static ConcurrentChangeRetry upTo(int attempts) {
        return new ConcurrentChangeRetry(attempts, OptimisticLockingFailureException.class::isInstance);
    }

    /** Also retries on a feature's own exception that says "somebody saved it first" (e.g. a stale task). */
    public ConcurrentChangeRetry orOn(Class<? extends RuntimeException> alsoConcurrentChange) {
        return new ConcurrentChangeRetry(attempts, concurrentChange.or(alsoConcurrentChange::isInstance));
    }

    /**
     * Runs {@code attempt} until it returns without losing a race, at most {@code attempts} times; the last lost
     * race is rethrown (the web adapters answer it with a 409 {@code conflict}).
     */
    public <T> T run(Supplier<T> attempt) {
        for (int tried = 1; ; tried++) {
            try {
                return attempt.get();
            } catch (RuntimeException e) {
                if (!concurrentChange.test(e) || tried >= attempts) {
                    throw e;
                }
            }
        }
    }

    /** {@link #run(Supplier)} for an attempt that returns nothing. */
    public void run(Runnable attempt) {
        run(() -> {
            attempt.run();
            return null;
        });
    }
}
