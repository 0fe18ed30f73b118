package io.cityloop.reference;

import java.time.LocalTime;

/** One stretch of office hours within a working day, e.g. 08:30–12:00. */
public record OfficePeriod(LocalTime start, LocalTime end) {

    public OfficePeriod {
        if (!start.isBefore(end)) {
            throw new IllegalArgumentException("office period must end after it starts: " + start + "–" + end);
        }
    }
}
