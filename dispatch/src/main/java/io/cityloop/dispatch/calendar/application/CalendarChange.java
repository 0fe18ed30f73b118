package io.cityloop.dispatch.calendar.application;

import java.util.List;

import io.cityloop.dispatch.calendar.model.CalendarDefinition;

/** The calendar version an edit produced and the open tasks whose deadlines it moved. */
public record CalendarChange(CalendarDefinition calendar, List<MovedDeadline> moved) {
}
