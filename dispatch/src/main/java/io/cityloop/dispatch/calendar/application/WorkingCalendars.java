package io.cityloop.dispatch.calendar.application;

import java.util.concurrent.atomic.AtomicReference;

import org.springframework.stereotype.Service;

import io.cityloop.dispatch.calendar.model.CalendarDefinition;

/**
 * The working calendar in force. Each read checks the latest version number in the store (a tiny query) and
 * reloads only when another edit, possibly on another replica, made a newer one.
 */
@Service
public class WorkingCalendars {

    private final CalendarStore store;
    private final AtomicReference<CalendarDefinition> cached = new AtomicReference<>();

    public WorkingCalendars(CalendarStore store) {
        this.store = store;
    }

    public CalendarDefinition current() {
        long latest = store.latestVersion()
                .orElseThrow(() -> new IllegalStateException("no working calendar was seeded"));
        CalendarDefinition known = cached.get();
        if (known != null && known.version() == latest) {
            return known;
        }
        CalendarDefinition loaded = store.latest().orElseThrow();
        cached.set(loaded);
        return loaded;
    }
}
