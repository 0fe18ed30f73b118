package io.cityloop.dispatch.calendar.application;

import java.util.List;

import io.cityloop.dispatch.calendar.model.CalendarDefinition;

/** Lays the open tasks' clocks onto a new calendar; implemented where the tasks live. */
public interface DeadlineReprojector {

    /**
     * @param editedBy the admin whose edit made {@code calendar}; the moved deadlines are announced in their name
     * @param reason   the edit's reason, quoted in each announcement
     */
    List<MovedDeadline> reproject(CalendarDefinition calendar, String editedBy, String reason);
}
