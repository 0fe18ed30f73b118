package io.cityloop.dispatch.calendar.application;

import java.util.function.UnaryOperator;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

import io.cityloop.dispatch.calendar.model.CalendarDefinition;
import io.cityloop.dispatch.calendar.model.CalendarYear;
import io.cityloop.dispatch.calendar.model.OfficeHours;

/**
 * Admin edits of the working calendar. Each edit is a new version; then every open task's deadline is laid onto
 * the new calendar and the ones that moved are reported.
 */
@Service
public class CalendarAdministration {

    private static final Logger log = LoggerFactory.getLogger(CalendarAdministration.class);

    private final WorkingCalendars calendars;
    private final CalendarStore store;
    private final DeadlineReprojector reprojector;

    public CalendarAdministration(WorkingCalendars calendars, CalendarStore store, DeadlineReprojector reprojector) {
        this.calendars = calendars;
        this.store = store;
        this.reprojector = reprojector;
    }

    public CalendarChange replaceYear(CalendarYear year, String by, String reason) {
        return change(current -> current.withYear(year), by, reason);
    }

    public CalendarChange changeOfficeHours(OfficeHours hours, String by, String reason) {
        return change(current -> current.withOfficeHours(hours), by, reason);
    }

    private CalendarChange change(UnaryOperator<CalendarDefinition> edit, String by, String reason) {
        CalendarDefinition next = edit.apply(calendars.current());
        if (!store.insert(next, by, reason)) {
            throw new StaleCalendarException(next.version());
        }
        CalendarChange change = new CalendarChange(next, reprojector.reproject(next, by, reason));
        log.info("working calendar v{} by {} ({}): {} open task deadline(s) moved", next.version(), by, reason,
                change.moved().size());
        return change;
    }

    /** Stores the reference calendar as version 1 unless some version exists. */
    public void seed(CalendarDefinition shipped) {
        if (store.latestVersion().isEmpty() && store.insert(shipped, "system", "seeded from reference data")) {
            log.info("working calendar v{} seeded with years {}", shipped.version(),
                    shipped.years().stream().map(CalendarYear::year).toList());
        }
    }
}
