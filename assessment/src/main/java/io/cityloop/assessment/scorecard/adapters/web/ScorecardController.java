package io.cityloop.assessment.scorecard.adapters.web;

import java.nio.charset.StandardCharsets;
import java.time.YearMonth;
import java.util.List;
import java.util.regex.Pattern;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.cityloop.assessment.scheme.model.Indicators;
import io.cityloop.assessment.scheme.model.Measure;
import io.cityloop.assessment.scheme.model.Ratio;
import io.cityloop.assessment.scheme.model.Scope;
import io.cityloop.assessment.scorecard.application.MonthlyScorecard;
import io.cityloop.assessment.scorecard.application.ScorecardService;
import io.cityloop.platform.problem.Problems;
import io.cityloop.platform.security.CurrentUser;

/** The monthly scorecards (月度考核): JSON, drill-down to cases, CSV/XLSX exports. */
@RestController
@RequestMapping("/api/scorecards/{month}")
class ScorecardController {

    static final Pattern MONTH = Pattern.compile("\\d{4}-(0[1-9]|1[0-2])");
    static final String UNIT_READERS =
            "hasAnyRole('SUPERVISOR','ADMIN','DISPATCHER','SHIFT_LEAD','DEPARTMENT')";
    static final String POSITION_READERS =
            "hasAnyRole('SUPERVISOR','ADMIN','SHIFT_LEAD','INSPECTOR','OPERATOR','DISPATCHER')";
    private static final MediaType XLSX =
            MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

    private final ScorecardService scorecards;

    ScorecardController(ScorecardService scorecards) {
        this.scorecards = scorecards;
    }

    @GetMapping("/departments")
    @PreAuthorize(UNIT_READERS)
    ScorecardResponse departments(@PathVariable String month, CurrentUser user) {
        return response(month, Scope.UNIT, user);
    }

    @GetMapping("/districts")
    @PreAuthorize(UNIT_READERS)
    ScorecardResponse districts(@PathVariable String month, CurrentUser user) {
        return response(month, Scope.DISTRICT, user);
    }

    @GetMapping("/positions")
    @PreAuthorize(POSITION_READERS)
    ScorecardResponse positions(@PathVariable String month, @RequestParam(required = false) String role,
                                CurrentUser user) {
        return response(month, positionScope(role, user), user);
    }

    @GetMapping("/departments/{unitId}/cases")
    @PreAuthorize(UNIT_READERS)
    DrillDownResponse departmentCases(@PathVariable String month, @PathVariable String unitId,
                                      @RequestParam String indicator, CurrentUser user) {
        return drillDown(month, Scope.UNIT, unitId, indicator, user);
    }

    @GetMapping("/districts/{districtCode}/cases")
    @PreAuthorize(UNIT_READERS)
    DrillDownResponse districtCases(@PathVariable String month, @PathVariable String districtCode,
                                    @RequestParam String indicator, CurrentUser user) {
        return drillDown(month, Scope.DISTRICT, districtCode, indicator, user);
    }

    @GetMapping("/positions/{role}/{userId}/cases")
    @PreAuthorize(POSITION_READERS)
    DrillDownResponse positionCases(@PathVariable String month, @PathVariable String role,
                                    @PathVariable String userId, @RequestParam String indicator, CurrentUser user) {
        return drillDown(month, positionScope(role, user), userId, indicator, user);
    }

    @GetMapping("/departments/export")
    @PreAuthorize(UNIT_READERS)
    ResponseEntity<byte[]> exportDepartments(@PathVariable String month, @RequestParam String format,
                                             CurrentUser user) {
        return export(response(month, Scope.UNIT, user), format);
    }

    @GetMapping("/districts/export")
    @PreAuthorize(UNIT_READERS)
    ResponseEntity<byte[]> exportDistricts(@PathVariable String month, @RequestParam String format,
                                           CurrentUser user) {
        return export(response(month, Scope.DISTRICT, user), format);
    }

    @GetMapping("/positions/export")
    @PreAuthorize(POSITION_READERS)
    ResponseEntity<byte[]> exportPositions(@PathVariable String month, @RequestParam(required = false) String role,
                                           @RequestParam String format, CurrentUser user) {
        return export(response(month, positionScope(role, user), user), format);
    }

    private ScorecardResponse response(String month, Scope scope, CurrentUser user) {
        YearMonth yearMonth = parse(month);
        MonthlyScorecard served = scorecards.scorecard(yearMonth, scope);
        return ScorecardResponse.of(served, ScorecardAudience.visible(user, scope, served.scorecard().rows()));
    }

    private DrillDownResponse drillDown(String month, Scope scope, String entityId, String indicator,
                                        CurrentUser user) {
        YearMonth yearMonth = parse(month);
        Measure measure = measureOf(scope, indicator);
        ScorecardAudience.checkDrillDown(user, scope, entityId);
        List<CaseContribution> cases = scorecards.contributions(yearMonth, scope, entityId).stream()
                .filter(contribution -> contribution.count(measure) != 0)
                .map(contribution -> CaseContribution.of(contribution, measure))
                .toList();
        long total = cases.stream().mapToLong(CaseContribution::value).sum();
        return new DrillDownResponse(yearMonth.toString(), scope.name(), entityId, indicator,
                Indicators.of(scope).get(indicator), measure.key(), total, cases);
    }

    /** A count drills down to itself; a rate to its denominator, whose cases show their numerator membership. */
    private static Measure measureOf(Scope scope, String indicator) {
        var measure = Measure.byKey(indicator).filter(m -> m.appliesTo(scope));
        if (measure.isPresent()) {
            return measure.get();
        }
        return Ratio.byKey(indicator).filter(r -> r.appliesTo(scope)).map(Ratio::denominator)
                .orElseThrow(() -> Problems.validation("indicator", "known-indicator", indicator
                        + " is not a count or rate of the " + scope + " scorecard; one of "
                        + String.join(", ", Indicators.keys(scope))));
    }

    private static Scope positionScope(String role, CurrentUser user) {
        String wanted = role;
        if (wanted == null) {
            wanted = user.hasRole("operator") ? "operator" : user.hasRole("dispatcher") ? "dispatcher" : "inspector";
        }
        return switch (wanted) {
            case "inspector", "inspectors" -> Scope.INSPECTOR;
            case "operator", "operators" -> Scope.OPERATOR;
            case "dispatcher", "dispatchers" -> Scope.DISPATCHER;
            case "shift-lead", "shift-leads", "shiftlead" -> Scope.SHIFT_LEAD;
            default -> throw Problems.validation("role", "position-role",
                    "must be inspector, operator, dispatcher or shift-lead");
        };
    }

    private static ResponseEntity<byte[]> export(ScorecardResponse response, String format) {
        String name = "scorecard-" + response.month() + "-" + response.scope().toLowerCase();
        if ("csv".equals(format)) {
            return file(ScorecardExport.csv(response), new MediaType("text", "csv", StandardCharsets.UTF_8),
                    name + ".csv");
        }
        if ("xlsx".equals(format)) {
            return file(ScorecardExport.xlsx(response), XLSX, name + ".xlsx");
        }
        throw Problems.validation("format", "export-format", "must be csv or xlsx");
    }

    private static ResponseEntity<byte[]> file(byte[] body, MediaType type, String filename) {
        return ResponseEntity.ok()
                .contentType(type)
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment().filename(filename).build().toString())
                .body(body);
    }

    /** The months CityLoop can score: from its first scoring scheme (2020-01) to the end of the century. */
    static final YearMonth EARLIEST_MONTH = YearMonth.of(2020, 1);
    static final YearMonth LATEST_MONTH = YearMonth.of(2099, 12);

    static YearMonth parse(String month) {
        return parse("month", month);
    }

    static YearMonth parse(String field, String month) {
        if (month == null || !MONTH.matcher(month).matches()) {
            throw Problems.validation(field, "yyyy-MM", "must be a month written yyyy-MM, e.g. 2026-11");
        }
        YearMonth parsed = YearMonth.parse(month);
        if (parsed.isBefore(EARLIEST_MONTH) || parsed.isAfter(LATEST_MONTH)) {
            throw Problems.validation(field, "range", "must be a month from " + EARLIEST_MONTH + " to " + LATEST_MONTH);
        }
        return parsed;
    }
}
