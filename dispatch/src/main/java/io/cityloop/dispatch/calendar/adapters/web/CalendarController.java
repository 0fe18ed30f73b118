package io.cityloop.dispatch.calendar.adapters.web;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.cityloop.dispatch.calendar.application.CalendarAdministration;
import io.cityloop.dispatch.calendar.application.CalendarChange;
import io.cityloop.dispatch.calendar.application.MovedDeadline;
import io.cityloop.dispatch.calendar.application.WorkingCalendars;
import io.cityloop.dispatch.calendar.model.CalendarDefinition;
import io.cityloop.dispatch.calendar.model.CalendarYear;
import io.cityloop.dispatch.calendar.model.DayKind;
import io.cityloop.dispatch.calendar.model.OfficeHours;
import io.cityloop.dispatch.calendar.model.SpecialDay;
import io.cityloop.platform.problem.Problems;
import io.cityloop.platform.security.CurrentUser;
import io.cityloop.reference.OfficePeriod;
import io.cityloop.reference.TimeLimitSpec;
import io.cityloop.reference.WorkingTimeUnit;

/**
 * 工作日历 over HTTP, under the reference-data path the gateway routes here: every non-ordinary day of a year, the
 * office hours, deadline arithmetic for the console, and (admin) edits that re-project open tasks' deadlines.
 */
@RestController
@RequestMapping("/api/reference/calendar")
class CalendarController {

    private final WorkingCalendars calendars;
    private final CalendarAdministration administration;

    CalendarController(WorkingCalendars calendars, CalendarAdministration administration) {
        this.calendars = calendars;
        this.administration = administration;
    }

    record PeriodView(LocalTime start, LocalTime end) {

        static PeriodView of(OfficePeriod period) {
            return new PeriodView(period.start(), period.end());
        }
    }

    record YearSummary(int year, boolean provisional, String source, long holidays, long makeUpWorkdays) {
    }

    record CalendarSummary(long version, String zone, List<PeriodView> officeHours, int workingHoursPerDay,
                           List<YearSummary> years) {
    }

    record YearView(int year, long version, boolean published, boolean provisional, String source,
                    List<PeriodView> officeHours, int workingHoursPerDay, List<SpecialDay> days) {

        static YearView of(CalendarDefinition calendar, int year) {
            CalendarYear arrangement = calendar.year(year);
            return new YearView(year, calendar.version(), calendar.knows(year), arrangement.provisional(),
                    arrangement.source(), periods(calendar), calendar.officeHours().workingHoursPerDay(),
                    arrangement.days());
        }
    }

    record ChangeView(long version, YearView year, List<PeriodView> officeHours, List<MovedDeadline> moved) {
    }

    record DayBody(@NotNull LocalDate date, @NotNull DayKind kind, @Size(max = 40) String name) {
    }

    record YearBody(@NotNull Boolean provisional, @NotBlank @Size(max = 200) String source,
                    @NotNull List<@Valid DayBody> days, @NotBlank @Size(max = 500) String reason) {
    }

    record PeriodBody(@NotNull LocalTime start, @NotNull LocalTime end) {
    }

    record OfficeHoursBody(@NotEmpty @Size(max = 4) List<@Valid PeriodBody> periods,
                           @NotNull @Min(1) @Max(24) Integer workingHoursPerDay,
                           @NotBlank @Size(max = 500) String reason) {
    }

    record DeadlineView(Instant start, TimeLimitSpec limit, Instant deadline, long calendarVersion) {
    }

    record WorkingTimeView(Instant from, Instant to, long workingMinutes, long calendarVersion) {
    }

    @GetMapping
    CalendarSummary summary() {
        CalendarDefinition calendar = calendars.current();
        return new CalendarSummary(calendar.version(), calendar.zone().getId(), periods(calendar),
                calendar.officeHours().workingHoursPerDay(), calendar.years().stream()
                .map(y -> new YearSummary(y.year(), y.provisional(), y.source(), y.holidays().size(),
                        y.makeUpWorkdays().size()))
                .toList());
    }

    @GetMapping("/{year:\\d{4}}")
    YearView year(@PathVariable int year) {
        return YearView.of(calendars.current(), year);
    }

    @PutMapping("/{year:\\d{4}}")
    @PreAuthorize("hasRole('ADMIN')")
    ChangeView replaceYear(CurrentUser user, @PathVariable int year, @Valid @RequestBody YearBody body) {
        CalendarChange change = administration.replaceYear(new CalendarYear(year, body.provisional(),
                body.source().strip(), body.days().stream()
                .map(d -> new SpecialDay(d.date(), d.kind(), d.name())).toList()),
                user.username(), body.reason().strip());
        return new ChangeView(change.calendar().version(), YearView.of(change.calendar(), year),
                periods(change.calendar()), change.moved());
    }

    @PutMapping("/office-hours")
    @PreAuthorize("hasRole('ADMIN')")
    ChangeView changeOfficeHours(CurrentUser user, @Valid @RequestBody OfficeHoursBody body) {
        CalendarChange change = administration.changeOfficeHours(new OfficeHours(body.periods()
                .stream().map(CalendarController::period).toList(), body.workingHoursPerDay()),
                user.username(), body.reason().strip());
        return new ChangeView(change.calendar().version(), null, periods(change.calendar()), change.moved());
    }

    /** The deadline of a time limit that starts running at {@code start}, e.g. 1 WORKING_DAYS. */
    @GetMapping("/deadline")
    DeadlineView deadline(@RequestParam Instant start,
                          @RequestParam @DecimalMin("0.01") @DecimalMax("365") double amount,
                          @RequestParam WorkingTimeUnit unit) {
        requirePlausible("start", start);
        CalendarDefinition calendar = calendars.current();
        TimeLimitSpec limit = new TimeLimitSpec(amount, unit);
        return new DeadlineView(start, limit, calendar.workingCalendar().deadline(start, limit), calendar.version());
    }

    /** Working time between two instants, to the minute. */
    @GetMapping("/working-time")
    WorkingTimeView workingTime(@RequestParam Instant from, @RequestParam Instant to) {
        requirePlausible("from", from);
        requirePlausible("to", to);
        if (to.isBefore(from) || Duration.between(from, to).toDays() > 3660) {
            throw Problems.validation("to", "range", "must be after from and within ten years of it");
        }
        CalendarDefinition calendar = calendars.current();
        return new WorkingTimeView(from, to, calendar.workingCalendar().workingTimeBetween(from, to).toMinutes(),
                calendar.version());
    }

    private static final Instant EARLIEST = Instant.parse("2000-01-01T00:00:00Z");
    private static final Instant LATEST = Instant.parse("2100-01-01T00:00:00Z");

    /** The calendar counts working time within 2000–2100; beyond, the arithmetic would overflow. */
    private static void requirePlausible(String field, Instant at) {
        if (at.isBefore(EARLIEST) || at.isAfter(LATEST)) {
            throw Problems.validation(field, "range", "must be between " + EARLIEST + " and " + LATEST);
        }
    }

    private static OfficePeriod period(PeriodBody body) {
        if (!body.start().isBefore(body.end())) {
            throw Problems.validation("periods", "ordered", "a period must end after it starts: " + body.start()
                    + "–" + body.end());
        }
        return new OfficePeriod(body.start(), body.end());
    }

    private static List<PeriodView> periods(CalendarDefinition calendar) {
        return calendar.officeHours().periods().stream().map(PeriodView::of).toList();
    }
}
