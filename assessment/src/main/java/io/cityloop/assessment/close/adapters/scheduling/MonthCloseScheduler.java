package io.cityloop.assessment.close.adapters.scheduling;

import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import io.cityloop.assessment.close.application.MonthCloseService;
import io.cityloop.assessment.facts.application.FactsCatchUp;

/**
 * Checks periodically whether the previous month is due to close (first working day of this month, by the
 * injected clock and the working calendar) and freezes it; replicas racing for it are settled by the month record.
 * It freezes only once the facts have read every case event published so far, so a month is never frozen from a
 * projection still catching up after a restart or a rebuild; the next check tries again.
 */
@Component
@ConditionalOnProperty(name = "cityloop.assessment.close.auto-freeze", havingValue = "true", matchIfMissing = true)
class MonthCloseScheduler {

    private static final Logger LOG = LoggerFactory.getLogger(MonthCloseScheduler.class);

    private final MonthCloseService close;
    private final FactsCatchUp facts;
    private final Duration catchUpWait;

    MonthCloseScheduler(MonthCloseService close, FactsCatchUp facts,
                        @Value("${cityloop.assessment.close.catch-up-wait:PT30S}") Duration catchUpWait) {
        this.close = close;
        this.facts = facts;
        this.catchUpWait = catchUpWait;
    }

    @Scheduled(initialDelayString = "${cityloop.assessment.close.initial-delay:PT1M}",
            fixedDelayString = "${cityloop.assessment.close.check-interval:PT10M}")
    void check() {
        if (!close.isMonthDue()) {
            return;
        }
        if (!facts.caughtUpWithin(catchUpWait)) {
            LOG.info("the previous month is due to close, but the facts are still reading case events; next check");
            return;
        }
        close.closeDueMonth();
    }
}
