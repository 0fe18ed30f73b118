package io.cityloop.assessment.close.adapters.scheduling;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import io.cityloop.assessment.close.application.MonthCloseService;

/**
 * Checks periodically whether the previous month is due to close (first working day of this month, by the
 * injected clock and the working calendar) and freezes it; replicas racing for it are settled by the month record,
 * and a freeze refused because the facts are still reading events is tried again at the next check.
 */
@Component
@ConditionalOnProperty(name = "cityloop.assessment.close.auto-freeze", havingValue = "true", matchIfMissing = true)
class MonthCloseScheduler {

    private final MonthCloseService close;

    MonthCloseScheduler(MonthCloseService close) {
        this.close = close;
    }

    @Scheduled(initialDelayString = "${cityloop.assessment.close.initial-delay:PT1M}",
            fixedDelayString = "${cityloop.assessment.close.check-interval:PT10M}")
    void check() {
        close.closeDueMonth();
    }
}
