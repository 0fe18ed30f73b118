package io.cityloop.assessment.scorecard.application;

import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Service;

import io.cityloop.assessment.facts.application.CaseFactsStore;
import io.cityloop.assessment.facts.application.FrozenFactsStore;
import io.cityloop.assessment.facts.model.CaseFacts;
import io.cityloop.assessment.ledger.model.WorkingTimeScale;
import io.cityloop.assessment.month.application.CorrectionRepository;
import io.cityloop.assessment.month.application.MonthCloseRepository;
import io.cityloop.assessment.month.model.MonthClose;
import io.cityloop.assessment.month.model.MonthState;
import io.cityloop.assessment.scheme.model.SchemeBook;
import io.cityloop.assessment.scheme.model.Scope;
import io.cityloop.assessment.scheme.model.ScoringScheme;
import io.cityloop.assessment.scorecard.model.AssessmentMonth;
import io.cityloop.assessment.scorecard.model.Contribution;
import io.cityloop.assessment.scorecard.model.Corrections;
import io.cityloop.assessment.scorecard.model.Scorecard;
import io.cityloop.assessment.scorecard.model.ScorecardCalculator;
import io.cityloop.assessment.scorecard.model.ScoringPeriod;
import io.cityloop.reference.CityReference;

/**
 * Serves a month's scorecards: a draft month live from the facts (the running month as of now, updated as events
 * arrive), a frozen month from its snapshot at its cut-off with the scheme pinned at freeze and the corrections of
 * upheld appeals.
 */
@Service
public class ScorecardService {

    private final CaseFactsStore facts;
    private final FrozenFactsStore frozen;
    private final MonthCloseRepository months;
    private final CorrectionRepository corrections;
    private final SchemeBook schemes;
    private final WorkingTimeScale scale;
    private final CityReference city;
    private final Clock clock;

    public ScorecardService(CaseFactsStore facts, FrozenFactsStore frozen, MonthCloseRepository months,
                            CorrectionRepository corrections, SchemeBook schemes, WorkingTimeScale scale,
                            CityReference city, Clock clock) {
        this.facts = facts;
        this.frozen = frozen;
        this.months = months;
        this.corrections = corrections;
        this.schemes = schemes;
        this.scale = scale;
        this.city = city;
        this.clock = clock;
    }

    public MonthlyScorecard scorecard(YearMonth month, Scope scope) {
        MonthBasis basis = basis(month);
        return new MonthlyScorecard(basis.state(), clock.instant(),
                basis.calculator().scorecard(scope, basis.facts()));
    }

    /** Every scope at once (for freezing checks and the trend). */
    public Map<Scope, Scorecard> all(YearMonth month) {
        MonthBasis basis = basis(month);
        return basis.calculator().all(basis.facts());
    }

    /** The contributions behind one row: the drill-down. */
    public List<Contribution> contributions(YearMonth month, Scope scope, String entityId) {
        MonthBasis basis = basis(month);
        return basis.calculator().contributions(scope, entityId, basis.facts());
    }

    /** One entity's row over consecutive months, oldest first. */
    public List<TrendPoint> trend(Scope scope, String entityId, YearMonth from, YearMonth to) {
        List<TrendPoint> points = new ArrayList<>();
        for (YearMonth month = from; !month.isAfter(to); month = month.plusMonths(1)) {
            MonthBasis basis = basis(month);
            Scorecard scorecard = basis.calculator().scorecard(scope, basis.facts());
            points.add(new TrendPoint(month.toString(), basis.state(), scorecard.scheme().reference(),
                    scorecard.row(entityId).orElse(null)));
        }
        return points;
    }

    public MonthBasis basis(YearMonth month) {
        MonthClose close = months.find(month.toString()).orElse(MonthClose.draft(month.toString()));
        AssessmentMonth assessmentMonth = new AssessmentMonth(month, clock.getZone());
        Corrections overlay = new Corrections(corrections.ofMonth(month.toString()));
        if (!close.state().frozen()) {
            ScoringPeriod period = ScoringPeriod.asOf(assessmentMonth, clock.instant());
            return new MonthBasis(close.state(), calculator(period, schemes.forMonth(month), overlay),
                    facts.countingIn(month));
        }
        ScoringScheme pinned = schemes.find(close.schemeReference()).orElseThrow(() ->
                new IllegalStateException(month + " was frozen with scheme " + close.schemeReference()
                        + ", which is no longer loaded"));
        ScoringPeriod period = new ScoringPeriod(assessmentMonth, close.cutOff());
        return new MonthBasis(close.state(), calculator(period, pinned, overlay), frozen.load(close.snapshotId()));
    }

    /** The snapshot a freeze would take now: the month's facts and the scheme in effect for it. */
    public FreezeCandidate freezeCandidate(YearMonth month) {
        AssessmentMonth assessmentMonth = new AssessmentMonth(month, clock.getZone());
        Instant now = clock.instant();
        return new FreezeCandidate(assessmentMonth.end(), now.isBefore(assessmentMonth.end()),
                schemes.forMonth(month), facts.countingIn(month));
    }

    private ScorecardCalculator calculator(ScoringPeriod period, ScoringScheme scheme, Corrections overlay) {
        return new ScorecardCalculator(period, scheme, scale, city, overlay);
    }

    /** A point of the month-over-month trend; {@code row} is {@code null} for an entity without a row that month. */
    public record TrendPoint(String month, MonthState state, String scheme,
                             io.cityloop.assessment.scorecard.model.ScorecardRow row) {
    }

    /** What freezing a month would fix: its cut-off, whether the month is still running, the scheme and facts. */
    public record FreezeCandidate(Instant cutOff, boolean running, ScoringScheme scheme, List<CaseFacts> facts) {
    }
}
