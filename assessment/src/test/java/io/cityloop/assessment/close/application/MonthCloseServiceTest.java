package io.cityloop.assessment.close.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.Optional;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.cityloop.assessment.close.model.CloseSchedule;
import io.cityloop.assessment.facts.application.FactsCatchUp;
import io.cityloop.assessment.facts.application.FrozenFactsStore;
import io.cityloop.assessment.month.application.MonthCloseRepository;
import io.cityloop.assessment.scorecard.application.ScorecardService;
import io.cityloop.reference.CityReference;

/**
 * 2 November 2026, the first working day after October: the month is due, but the facts are still reading case
 * events after a restart. Neither the scheduler nor a supervisor may freeze October from them.
 */
class MonthCloseServiceTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final Duration WAIT = Duration.ofSeconds(5);

    private final MonthCloseRepository months = mock(MonthCloseRepository.class);
    private final FrozenFactsStore frozen = mock(FrozenFactsStore.class);
    private final ScorecardService scorecards = mock(ScorecardService.class);
    private final FactsCatchUp facts = mock(FactsCatchUp.class);
    private final Clock secondOfNovember = Clock.fixed(
            LocalDateTime.parse("2026-11-02T09:00").atZone(SHANGHAI).toInstant(), SHANGHAI);
    private final MonthCloseService close = new MonthCloseService(months, mock(AppealRepository.class), frozen,
            scorecards, new CloseSchedule(CityReference.load().calendar()), secondOfNovember, facts, WAIT);

    @BeforeEach
    void octoberIsADraft() {
        when(months.find("2026-10")).thenReturn(Optional.empty());
        when(facts.caughtUpWithin(WAIT)).thenReturn(false);
    }

    @Test
    void aSupervisorsFreezeIsRefusedWhileTheFactsAreStillReadingEvents() {
        assertThatThrownBy(() -> close.freeze(YearMonth.of(2026, 10), new Actor("zhou-min", "supervisor", null),
                "月度考核截止"))
                .isInstanceOf(FactsNotCaughtUpException.class)
                .hasMessageContaining("still reading case events");

        verifyNoInteractions(scorecards, frozen);
        verify(months, never()).freeze(any(), any(), any(), any(), any());
    }

    @Test
    void theScheduledCloseFreezesNothingAndTriesAgainLater() {
        assertThat(close.isMonthDue()).isTrue();

        assertThat(close.closeDueMonth()).isFalse();

        verifyNoInteractions(scorecards, frozen);
        verify(months, never()).freeze(any(), any(), any(), any(), any());
    }
}
