package io.cityloop.assessment.scorecard.application;

import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;

import org.springframework.stereotype.Service;

import io.cityloop.assessment.facts.application.CaseFactsStore;
import io.cityloop.assessment.scorecard.model.AssessmentMonth;
import io.cityloop.assessment.scorecard.model.DistrictScore;
import io.cityloop.assessment.scorecard.model.ScorecardCalculator;
import io.cityloop.assessment.scorecard.model.ScoringPeriod;
import io.cityloop.assessment.scorecard.model.UnitScore;
import io.cityloop.reference.CityReference;

/**
 * Computes a month's scorecards on request from the facts of that month only (tasks due in it, reports and
 * filings made in it), found through indexes rather than a scan of every case.
 */
@Service
public class ScorecardService {

    private final CaseFactsStore facts;
    private final CityReference city;
    private final Clock clock;

    public ScorecardService(CaseFactsStore facts, CityReference city, Clock clock) {
        this.facts = facts;
        this.city = city;
        this.clock = clock;
    }

    /** 处置单位考核: the 21 departments and 13 district platforms as handlers. */
    public MonthlyScorecard<UnitScore> units(YearMonth month) {
        Instant now = clock.instant();
        ScoringPeriod period = ScoringPeriod.asOf(new AssessmentMonth(month, clock.getZone()), now);
        var rows = new ScorecardCalculator(period)
                .units(city.units(), facts.withTaskDueBetween(period.month().start(), period.month().end()));
        return new MonthlyScorecard<>(period.month(), period.cutOff(), now, rows);
    }

    /** 区域考核: the 13 districts as places where problems occur. */
    public MonthlyScorecard<DistrictScore> districts(YearMonth month) {
        Instant now = clock.instant();
        ScoringPeriod period = ScoringPeriod.asOf(new AssessmentMonth(month, clock.getZone()), now);
        var rows = new ScorecardCalculator(period)
                .districts(city.districts(), facts.activeBetween(period.month().start(), period.month().end()));
        return new MonthlyScorecard<>(period.month(), period.cutOff(), now, rows);
    }
}
