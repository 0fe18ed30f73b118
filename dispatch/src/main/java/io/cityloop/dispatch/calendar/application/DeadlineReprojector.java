package io.cityloop.dispatch.calendar.application;

import java.util.List;

import io.cityloop.dispatch.calendar.model.CalendarDefinition;

/** Lays the open tasks' clocks onto a new calendar; implemented where the tasks live. */
public interface DeadlineReprojector {

    List<MovedDeadline> reproject(CalendarDefinition calendar);
}
