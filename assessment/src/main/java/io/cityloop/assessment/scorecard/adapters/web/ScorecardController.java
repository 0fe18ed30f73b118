package io.cityloop.assessment.scorecard.adapters.web;

import java.time.YearMonth;
import java.util.regex.Pattern;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.cityloop.assessment.scorecard.application.MonthlyScorecard;
import io.cityloop.assessment.scorecard.application.ScorecardService;
import io.cityloop.assessment.scorecard.model.DistrictScore;
import io.cityloop.assessment.scorecard.model.UnitScore;
import io.cityloop.platform.problem.Problems;
import io.cityloop.platform.security.CurrentUser;

/** The monthly scorecards (月度考核) as computed now. */
@RestController
@RequestMapping("/api/scorecards/{month}")
class ScorecardController {

    private static final Pattern MONTH = Pattern.compile("\\d{4}-(0[1-9]|1[0-2])");
    private static final String READERS =
            "hasAnyRole('SUPERVISOR','ADMIN','DISPATCHER','SHIFT_LEAD','DEPARTMENT')";

    private final ScorecardService scorecards;

    ScorecardController(ScorecardService scorecards) {
        this.scorecards = scorecards;
    }

    @GetMapping("/departments")
    @PreAuthorize(READERS)
    ScorecardResponse<UnitRow> departments(@PathVariable String month, CurrentUser user) {
        MonthlyScorecard<UnitScore> scorecard = scorecards.units(parse(month));
        return ScorecardResponse.of(scorecard,
                ScorecardAudience.unitRows(user, scorecard.rows(), row -> row.unit().id()), UnitRow::of);
    }

    @GetMapping("/districts")
    @PreAuthorize(READERS)
    ScorecardResponse<DistrictRow> districts(@PathVariable String month, CurrentUser user) {
        MonthlyScorecard<DistrictScore> scorecard = scorecards.districts(parse(month));
        return ScorecardResponse.of(scorecard,
                ScorecardAudience.districtRows(user, scorecard.rows(), row -> row.district().code()),
                DistrictRow::of);
    }

    private static YearMonth parse(String month) {
        if (!MONTH.matcher(month).matches()) {
            throw Problems.validation("month", "yyyy-MM", "must be a month written yyyy-MM, e.g. 2026-11");
        }
        return YearMonth.parse(month);
    }
}
