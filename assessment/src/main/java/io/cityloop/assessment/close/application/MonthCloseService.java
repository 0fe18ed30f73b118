package io.cityloop.assessment.close.application;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

import io.cityloop.assessment.close.model.CloseSchedule;
import io.cityloop.assessment.facts.application.FactsCatchUp;
import io.cityloop.assessment.facts.application.FrozenFactsStore;
import io.cityloop.assessment.month.application.MonthCloseRepository;
import io.cityloop.assessment.month.model.AuditEntry;
import io.cityloop.assessment.month.model.IllegalTransitionException;
import io.cityloop.assessment.month.model.MonthClose;
import io.cityloop.assessment.month.model.MonthState;
import io.cityloop.assessment.scorecard.application.ScorecardService;
import io.cityloop.assessment.scorecard.application.ScorecardService.FreezeCandidate;

/**
 * 月结: freezes a finished month's facts at its cut-off, publishes it for appeals, closes the appeal window and
 * finalises it. Every step is a conditional state change with an audit entry, so with several replicas one wins and
 * the others see a conflict (or, for the scheduler, nothing to do). A month is frozen only once the facts have read
 * every case event published so far, whoever asks: never from a projection still catching up after a restart or a
 * rebuild.
 */
@Service
public class MonthCloseService {

    private static final Logger LOG = LoggerFactory.getLogger(MonthCloseService.class);

    private final MonthCloseRepository months;
    private final AppealRepository appeals;
    private final FrozenFactsStore frozen;
    private final ScorecardService scorecards;
    private final CloseSchedule schedule;
    private final Clock clock;
    private final FactsCatchUp facts;
    private final Duration catchUpWait;

    public MonthCloseService(MonthCloseRepository months, AppealRepository appeals, FrozenFactsStore frozen,
                             ScorecardService scorecards, CloseSchedule schedule, Clock clock, FactsCatchUp facts,
                             @Value("${cityloop.assessment.close.catch-up-wait:PT5S}") Duration catchUpWait) {
        this.months = months;
        this.appeals = appeals;
        this.frozen = frozen;
        this.scorecards = scorecards;
        this.schedule = schedule;
        this.clock = clock;
        this.facts = facts;
        this.catchUpWait = catchUpWait;
    }

    public MonthClose state(YearMonth month) {
        return months.find(month.toString()).orElse(MonthClose.draft(month.toString()));
    }

    /**
     * 冻结: fixes the month's facts at its end; only once the month is over and the facts have caught up.
     *
     * @throws FactsNotCaughtUpException when the facts did not read every published event within the wait
     */
    public MonthClose freeze(YearMonth month, Actor actor, String reason) {
        MonthState current = state(month).state();
        current.to(MonthState.FROZEN);
        if (!facts.caughtUpWithin(catchUpWait)) {
            throw new FactsNotCaughtUpException(month, catchUpWait);
        }
        FreezeCandidate candidate = scorecards.freezeCandidate(month);
        if (candidate.running()) {
            throw new IllegalTransitionException(month + " is still running; it can be frozen from "
                    + candidate.cutOff());
        }
        String snapshotId = month + "-" + UUID.randomUUID();
        frozen.save(snapshotId, candidate.facts());
        boolean won = months.freeze(month.toString(), snapshotId, candidate.cutOff(),
                candidate.scheme().reference(), entry("freeze", MonthState.DRAFT, MonthState.FROZEN, actor,
                        reason == null ? candidate.facts().size() + " cases frozen" : reason));
        if (!won) {
            frozen.delete(snapshotId);
            throw new ConcurrentCloseException(month + " was frozen by another replica or user meanwhile");
        }
        return state(month);
    }

    /** 发布: the frozen numbers are published and the appeal window (申诉期) opens. */
    public MonthClose publish(YearMonth month, Actor actor, String reason) {
        return advance(month, MonthState.FROZEN, MonthState.PUBLISHED, "publish", actor, reason);
    }

    /** The appeal window closes; pending appeals remain to be decided. */
    public MonthClose closeAppeals(YearMonth month, Actor actor, String reason) {
        return advance(month, MonthState.PUBLISHED, MonthState.APPEALS, "close-appeals", actor, reason);
    }

    /** 终审: the month becomes final once every appeal is decided; it never changes again. */
    public MonthClose finalizeMonth(YearMonth month, Actor actor, String reason) {
        long pending = appeals.ofMonth(month.toString()).stream()
                .filter(appeal -> appeal.state() == io.cityloop.assessment.close.model.AppealState.PENDING).count();
        if (pending > 0) {
            throw new IllegalTransitionException(month + " has " + pending + " undecided appeal(s)");
        }
        return advance(month, MonthState.APPEALS, MonthState.FINAL, "finalize", actor, reason);
    }

    /** Whether the previous month is due to close and still a draft. */
    public boolean isMonthDue() {
        Instant now = clock.instant();
        YearMonth previous = schedule.previousMonth(now);
        return schedule.isDue(previous, now) && state(previous).state() == MonthState.DRAFT;
    }

    /**
     * The scheduled close: on the first working day of a month, freezes the previous month if it is still a draft.
     * Losing the race to another replica is fine.
     *
     * @return whether this call froze a month
     */
    public boolean closeDueMonth() {
        if (!isMonthDue()) {
            return false;
        }
        YearMonth previous = schedule.previousMonth(clock.instant());
        try {
            freeze(previous, Actor.SCHEDULER, "first working day of " + previous.plusMonths(1));
            LOG.info("froze {} on schedule", previous);
            return true;
        } catch (ConcurrentCloseException | IllegalTransitionException | FactsNotCaughtUpException notNow) {
            LOG.info("{} not frozen here: {}", previous, notNow.getMessage());
            return false;
        }
    }

    private MonthClose advance(YearMonth month, MonthState from, MonthState to, String action, Actor actor,
                               String reason) {
        MonthState current = state(month).state();
        if (current != from) {
            current.to(to);
            throw new IllegalTransitionException("a " + current + " month cannot become " + to);
        }
        if (!months.advance(month.toString(), from, to, entry(action, from, to, actor, reason))) {
            throw new ConcurrentCloseException(month + " changed meanwhile; reload and retry");
        }
        return state(month);
    }

    private AuditEntry entry(String action, MonthState from, MonthState to, Actor actor, String reason) {
        return new AuditEntry(clock.instant(), action, from.name(), to.name(), actor.id(), actor.role(), reason);
    }
}
