package io.cityloop.assessment.close.application;

import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.springframework.stereotype.Service;

import io.cityloop.assessment.close.model.Appeal;
import io.cityloop.assessment.close.model.AppealState;
import io.cityloop.assessment.month.application.CorrectionRepository;
import io.cityloop.assessment.month.application.MonthCloseRepository;
import io.cityloop.assessment.month.model.AuditEntry;
import io.cityloop.assessment.month.model.FactCorrection;
import io.cityloop.assessment.month.model.IllegalTransitionException;
import io.cityloop.assessment.month.model.MonthState;
import io.cityloop.assessment.scheme.model.Scope;
import io.cityloop.assessment.scorecard.application.ScorecardService;
import io.cityloop.assessment.scorecard.model.Contribution;

/**
 * 申诉: a handling unit contests named cases of its published scorecard; a supervisor upholds or rejects. Upholding
 * writes one audited correction per contested task of the unit, which the month's scorecards then apply.
 */
@Service
public class AppealService {

    private final AppealRepository appeals;
    private final CorrectionRepository corrections;
    private final MonthCloseRepository months;
    private final MonthCloseService close;
    private final ScorecardService scorecards;
    private final Clock clock;

    public AppealService(AppealRepository appeals, CorrectionRepository corrections, MonthCloseRepository months,
                         MonthCloseService close, ScorecardService scorecards, Clock clock) {
        this.appeals = appeals;
        this.corrections = corrections;
        this.months = months;
        this.close = close;
        this.scorecards = scorecards;
        this.clock = clock;
    }

    public Appeal file(YearMonth month, String unitId, List<String> caseIds, String reason,
                       FactCorrection.Effect effect, Actor actor) {
        MonthState state = close.state(month).state();
        if (!state.acceptsAppeals()) {
            throw new IllegalTransitionException("appeals for " + month + " are accepted while it is PUBLISHED, not "
                    + state);
        }
        Set<String> counted = scorecards.contributions(month, Scope.UNIT, unitId).stream()
                .map(Contribution::caseId).collect(Collectors.toSet());
        List<String> unknown = caseIds.stream().filter(id -> !counted.contains(id)).toList();
        if (!unknown.isEmpty()) {
            throw new InvalidAppealException("caseIds", "counted-for-unit", "not counted for " + unitId + " in "
                    + month + ": " + String.join(", ", unknown));
        }
        Instant now = clock.instant();
        Appeal appeal = new Appeal(UUID.randomUUID().toString(), month.toString(), unitId,
                List.copyOf(new LinkedHashSet<>(caseIds)), reason, effect, AppealState.PENDING, actor.id(), now,
                null, null, null, List.of(new AuditEntry(now, "file", null, AppealState.PENDING.name(), actor.id(),
                        actor.role(), reason)));
        appeals.insert(appeal);
        months.audit(month.toString(), new AuditEntry(now, "appeal-filed " + appeal.id(), state.name(),
                state.name(), actor.id(), actor.role(), unitId + ": " + String.join(", ", appeal.caseIds())));
        return appeal;
    }

    public Appeal decide(String appealId, boolean uphold, String reason, Actor actor) {
        Appeal appeal = find(appealId);
        YearMonth month = YearMonth.parse(appeal.month());
        MonthState state = close.state(month).state();
        if (!state.acceptsDecisions()) {
            throw new IllegalTransitionException("appeals of a " + state + " month cannot be decided");
        }
        AppealState decidedState = appeal.state().decide(uphold);
        Instant now = clock.instant();
        List<AuditEntry> history = new ArrayList<>(appeal.history());
        history.add(new AuditEntry(now, uphold ? "uphold" : "reject", appeal.state().name(), decidedState.name(),
                actor.id(), actor.role(), reason));
        Appeal decided = new Appeal(appeal.id(), appeal.month(), appeal.unitId(), appeal.caseIds(), appeal.reason(),
                appeal.effect(), decidedState, appeal.filedBy(), appeal.filedAt(), actor.id(), now, reason, history);
        if (!appeals.decide(decided)) {
            throw new ConcurrentCloseException("appeal " + appealId + " was decided meanwhile");
        }
        if (uphold) {
            corrections.insertAll(correctionsFor(decided, month));
        }
        months.audit(appeal.month(), new AuditEntry(now, (uphold ? "appeal-upheld " : "appeal-rejected ")
                + appeal.id(), state.name(), state.name(), actor.id(), actor.role(), reason));
        return decided;
    }

    public Appeal find(String appealId) {
        return appeals.find(appealId).orElseThrow(() -> new AppealNotFoundException(appealId));
    }

    public List<Appeal> ofMonth(YearMonth month) {
        return appeals.ofMonth(month.toString());
    }

    private List<FactCorrection> correctionsFor(Appeal appeal, YearMonth month) {
        List<FactCorrection> made = new ArrayList<>();
        for (Contribution contribution : scorecards.contributions(month, Scope.UNIT, appeal.unitId())) {
            if (appeal.caseIds().contains(contribution.caseId())) {
                made.add(new FactCorrection(appeal.id() + ":" + contribution.taskId(), appeal.month(),
                        contribution.caseId(), contribution.taskId(), appeal.unitId(), appeal.effect(), appeal.id(),
                        appeal.decisionReason(), appeal.decidedBy(), appeal.decidedAt()));
            }
        }
        return made;
    }

    /** No appeal with that id. */
    public static class AppealNotFoundException extends RuntimeException {
        public AppealNotFoundException(String id) {
            super("no appeal " + id);
        }
    }
}
