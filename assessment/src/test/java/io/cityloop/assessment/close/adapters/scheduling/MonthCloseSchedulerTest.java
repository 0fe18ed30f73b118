package io.cityloop.assessment.close.adapters.scheduling;

import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import io.cityloop.assessment.close.application.MonthCloseService;
import io.cityloop.assessment.facts.application.FactsCatchUp;

class MonthCloseSchedulerTest {

    private final MonthCloseService close = mock(MonthCloseService.class);
    private final FactsCatchUp facts = mock(FactsCatchUp.class);
    private final MonthCloseScheduler scheduler = new MonthCloseScheduler(close, facts, Duration.ofSeconds(30));

    @Test
    void aDueMonthIsNotFrozenWhileTheFactsAreStillReadingEvents() {
        when(close.isMonthDue()).thenReturn(true);
        when(facts.caughtUpWithin(Duration.ofSeconds(30))).thenReturn(false);

        scheduler.check();

        verify(close, never()).closeDueMonth();
    }

    @Test
    void aDueMonthIsFrozenOnceTheFactsHaveCaughtUp() {
        when(close.isMonthDue()).thenReturn(true);
        when(facts.caughtUpWithin(Duration.ofSeconds(30))).thenReturn(true);

        scheduler.check();

        verify(close).closeDueMonth();
    }

    @Test
    void theTopicIsNotAskedWhenNoMonthIsDue() {
        when(close.isMonthDue()).thenReturn(false);

        scheduler.check();

        verify(facts, never()).caughtUpWithin(Duration.ofSeconds(30));
        verify(close, never()).closeDueMonth();
    }
}
