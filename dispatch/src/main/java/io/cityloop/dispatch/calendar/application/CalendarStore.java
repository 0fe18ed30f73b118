package io.cityloop.dispatch.calendar.application;

import java.util.Optional;

import io.cityloop.dispatch.calendar.model.CalendarDefinition;

/** Where calendar versions live; a version is written once. */
public interface CalendarStore {

    Optional<Long> latestVersion();

    Optional<CalendarDefinition> latest();

    /** {@code false} when that version number was already taken (a concurrent edit won). */
    boolean insert(CalendarDefinition definition, String changedBy, String reason);
}
