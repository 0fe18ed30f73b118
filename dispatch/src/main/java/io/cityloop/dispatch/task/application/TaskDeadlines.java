package io.cityloop.dispatch.task.application;

import org.springframework.stereotype.Component;

import io.cityloop.dispatch.calendar.application.WorkingCalendars;
import io.cityloop.dispatch.calendar.model.CalendarDefinition;
import io.cityloop.dispatch.task.model.DeadlineRules;

/** The deadline rules in force: the current working calendar with the configured thresholds. */
@Component
public class TaskDeadlines {

    private final WorkingCalendars calendars;
    private final DeadlineSettings settings;

    public TaskDeadlines(WorkingCalendars calendars, DeadlineSettings settings) {
        this.calendars = calendars;
        this.settings = settings;
    }

    public DeadlineRules rules() {
        return on(calendars.current());
    }

    public DeadlineRules on(CalendarDefinition calendar) {
        return new DeadlineRules(calendar.workingCalendar(), settings.warningShare(), settings.escalationPeriod(),
                settings.maxAutomaticLevel());
    }
}
