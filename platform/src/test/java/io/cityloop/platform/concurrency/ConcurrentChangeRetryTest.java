package io.cityloop.platform.concurrency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.springframework.dao.OptimisticLockingFailureException;

class ConcurrentChangeRetryTest {

    static class StaleCopy extends RuntimeException {
    }

    @Test
    void aLostRaceRunsTheWholeAttemptAgainOnANewerCopy() {
        AtomicInteger attempts = new AtomicInteger();
        String saved = ConcurrentChangeRetry.upTo(3).run(() -> {
            if (attempts.incrementAndGet() < 3) {
                throw new OptimisticLockingFailureException("version 7 is not current");
            }
            return "saved on attempt " + attempts.get();
        });
        assertThat(saved).isEqualTo("saved on attempt 3");
    }

    @Test
    void theLastLostRaceIsRethrownAfterTheBound() {
        AtomicInteger attempts = new AtomicInteger();
        assertThatThrownBy(() -> ConcurrentChangeRetry.upTo(3).run(() -> {
            attempts.incrementAndGet();
            throw new OptimisticLockingFailureException("always stale");
        })).isInstanceOf(OptimisticLockingFailureException.class);
        assertThat(attempts).hasValue(3);
    }

    @Test
    void aRefusalThatIsNotARaceIsNotRetried() {
        AtomicInteger attempts = new AtomicInteger();
        assertThatThrownBy(() -> ConcurrentChangeRetry.upTo(5).run(() -> {
            attempts.incrementAndGet();
            throw new IllegalStateException("受理 refused: already filed");
        })).isInstanceOf(IllegalStateException.class);
        assertThat(attempts).hasValue(1);
    }

    @Test
    void aFeaturesOwnStaleExceptionCountsAsARaceWhenNamed() {
        AtomicInteger attempts = new AtomicInteger();
        ConcurrentChangeRetry.upTo(2).orOn(StaleCopy.class).run(() -> {
            if (attempts.incrementAndGet() == 1) {
                throw new StaleCopy();
            }
        });
        assertThat(attempts).hasValue(2);
        assertThatThrownBy(() -> ConcurrentChangeRetry.upTo(2).run(() -> {
            throw new StaleCopy();
        })).isInstanceOf(StaleCopy.class);
    }
}
