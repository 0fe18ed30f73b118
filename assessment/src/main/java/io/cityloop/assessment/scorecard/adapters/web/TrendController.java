package io.cityloop.assessment.scorecard.adapters.web;

import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.cityloop.assessment.scheme.model.Scope;
import io.cityloop.assessment.scorecard.application.ScorecardService;
import io.cityloop.platform.problem.Problems;
import io.cityloop.platform.security.CurrentUser;

/** 环比趋势: one unit's or district's row month over month (at most 24 months). */
@RestController
@RequestMapping("/api/scorecard-trends")
class TrendController {

    private static final int MAX_MONTHS = 24;

    private final ScorecardService scorecards;

    TrendController(ScorecardService scorecards) {
        this.scorecards = scorecards;
    }

    @GetMapping("/departments/{unitId}")
    @PreAuthorize(ScorecardController.UNIT_READERS)
    TrendResponse department(@PathVariable String unitId, @RequestParam String from, @RequestParam String to,
                             CurrentUser user) {
        return trend(Scope.UNIT, unitId, from, to, user);
    }

    @GetMapping("/districts/{districtCode}")
    @PreAuthorize(ScorecardController.UNIT_READERS)
    TrendResponse district(@PathVariable String districtCode, @RequestParam String from, @RequestParam String to,
                           CurrentUser user) {
        return trend(Scope.DISTRICT, districtCode, from, to, user);
    }

    private TrendResponse trend(Scope scope, String entityId, String from, String to, CurrentUser user) {
        ScorecardAudience.checkDrillDown(user, scope, entityId);
        YearMonth first = ScorecardController.parse("from", from);
        YearMonth last = ScorecardController.parse("to", to);
        if (last.isBefore(first) || first.plusMonths(MAX_MONTHS - 1L).isBefore(last)) {
            throw Problems.validation("to", "month-range", "must be from `from` up to " + MAX_MONTHS + " months on");
        }
        List<Map<String, Object>> points = scorecards.trend(scope, entityId, first, last).stream()
                .map(point -> {
                    Map<String, Object> values = new LinkedHashMap<>();
                    values.put("month", point.month());
                    values.put("state", point.state().name());
                    values.put("scheme", point.scheme());
                    if (point.row() != null) {
                        values.putAll(Columns.render(point.row()));
                    }
                    return values;
                })
                .toList();
        return new TrendResponse(scope.name(), entityId, points);
    }

    /** The months, oldest first, each with the close state, the scheme and the entity's row. */
    record TrendResponse(String scope, String entityId, List<Map<String, Object>> months) {
    }
}
