package io.cityloop.dispatch.calendar.application;

/** Two calendar edits at once: the later one would silently drop the earlier one's change. */
public class StaleCalendarException extends RuntimeException {

    public StaleCalendarException(long version) {
        super("calendar version " + version + " was written by a concurrent edit; reload and edit again");
    }
}
