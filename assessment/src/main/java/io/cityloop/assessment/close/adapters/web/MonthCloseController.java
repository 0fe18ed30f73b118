package io.cityloop.assessment.close.adapters.web;

import java.time.YearMonth;
import java.util.List;
import java.util.regex.Pattern;

import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import io.cityloop.assessment.close.application.Actor;
import io.cityloop.assessment.close.application.AppealService;
import io.cityloop.assessment.close.application.MonthCloseService;
import io.cityloop.assessment.close.model.Appeal;
import io.cityloop.assessment.month.model.FactCorrection;
import io.cityloop.assessment.month.model.MonthClose;
import io.cityloop.platform.problem.Problems;
import io.cityloop.platform.security.CurrentUser;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;

/** 月结 and 申诉: a month's close state and audit trail, the supervisor's close commands, the units' appeals. */
@RestController
@RequestMapping("/api/assessment-months/{month}")
class MonthCloseController {

    private static final Pattern MONTH = Pattern.compile("\\d{4}-(0[1-9]|1[0-2])");

    private final MonthCloseService close;
    private final AppealService appeals;

    MonthCloseController(MonthCloseService close, AppealService appeals) {
        this.close = close;
        this.appeals = appeals;
    }

    @GetMapping
    @PreAuthorize("hasAnyRole('SUPERVISOR','ADMIN','SHIFT_LEAD','DISPATCHER','DEPARTMENT')")
    MonthClose state(@PathVariable String month) {
        return close.state(parse(month));
    }

    @PostMapping("/freeze")
    @PreAuthorize("hasRole('SUPERVISOR')")
    MonthClose freeze(@PathVariable String month, @RequestBody(required = false) CommandRequest request,
                      CurrentUser user) {
        return close.freeze(parse(month), actor(user), reason(request));
    }

    @PostMapping("/publish")
    @PreAuthorize("hasRole('SUPERVISOR')")
    MonthClose publish(@PathVariable String month, @RequestBody(required = false) CommandRequest request,
                       CurrentUser user) {
        return close.publish(parse(month), actor(user), reason(request));
    }

    @PostMapping("/close-appeals")
    @PreAuthorize("hasRole('SUPERVISOR')")
    MonthClose closeAppeals(@PathVariable String month, @RequestBody(required = false) CommandRequest request,
                            CurrentUser user) {
        return close.closeAppeals(parse(month), actor(user), reason(request));
    }

    @PostMapping("/finalize")
    @PreAuthorize("hasRole('SUPERVISOR')")
    MonthClose finalizeMonth(@PathVariable String month, @RequestBody(required = false) CommandRequest request,
                             CurrentUser user) {
        return close.finalizeMonth(parse(month), actor(user), reason(request));
    }

    @PostMapping("/appeals")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasRole('DEPARTMENT')")
    Appeal fileAppeal(@PathVariable String month, @Valid @RequestBody AppealRequest request, CurrentUser user) {
        if (user.unit() == null) {
            throw Problems.forbidden("only handling-unit users with a unit claim may appeal");
        }
        FactCorrection.Effect effect = request.effect() == null ? FactCorrection.Effect.EXCLUDE : request.effect();
        return appeals.file(parse(month), user.unit(), request.caseIds(), request.reason(), effect, actor(user));
    }

    @GetMapping("/appeals")
    @PreAuthorize("hasAnyRole('SUPERVISOR','ADMIN','DEPARTMENT')")
    List<Appeal> appeals(@PathVariable String month, CurrentUser user) {
        List<Appeal> all = appeals.ofMonth(parse(month));
        if (user.hasAnyRole("supervisor", "admin")) {
            return all;
        }
        return all.stream().filter(appeal -> appeal.unitId().equals(user.unit())).toList();
    }

    static Actor actor(CurrentUser user) {
        return new Actor(user.username(), user.actingRole("supervisor", "department", "admin"), user.unit());
    }

    private static String reason(CommandRequest request) {
        return request == null ? null : request.reason();
    }

    private static YearMonth parse(String month) {
        if (!MONTH.matcher(month).matches()) {
            throw Problems.validation("month", "yyyy-MM", "must be a month written yyyy-MM, e.g. 2026-11");
        }
        YearMonth parsed = YearMonth.parse(month);
        if (parsed.isBefore(YearMonth.of(2020, 1)) || parsed.isAfter(YearMonth.of(2099, 12))) {
            throw Problems.validation("month", "range", "must be a month from 2020-01 to 2099-12");
        }
        return parsed;
    }

    /** An optional reason recorded in the audit trail. */
    record CommandRequest(@Size(max = 500) String reason) {
    }

    /** 申诉: the contested cases of the caller's unit, the reason and the correction asked for. */
    record AppealRequest(@NotEmpty @Size(max = 200) List<@NotBlank String> caseIds,
                         @NotBlank @Size(max = 1000) String reason, FactCorrection.Effect effect) {
    }
}
