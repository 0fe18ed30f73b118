package io.cityloop.dispatch.calendar.model;

import java.time.LocalDate;
import java.util.Objects;

/** A day that is not an ordinary weekday or weekend day, with the name the State Council notice gives it. */
public record SpecialDay(LocalDate date, DayKind kind, String name) {

    public SpecialDay {
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(kind, "kind");
        name = name == null || name.isBlank() ? defaultName(kind) : name.strip();
    }

    private static String defaultName(DayKind kind) {
        return kind == DayKind.HOLIDAY ? "节假日" : "调休上班";
    }
}
