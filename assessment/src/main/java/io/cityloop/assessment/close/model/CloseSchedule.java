package io.cityloop.assessment.close.model;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;

import io.cityloop.reference.WorkingCalendar;

/** When a month closes by itself: on the first working day (工作日) of the next month, by the working calendar. */
public final class CloseSchedule {

    private final WorkingCalendar calendar;

    public CloseSchedule(WorkingCalendar calendar) {
        this.calendar = calendar;
    }

    public LocalDate firstWorkingDayAfter(YearMonth month) {
        LocalDate day = month.plusMonths(1).atDay(1);
        while (!calendar.isWorkingDay(day)) {
            day = day.plusDays(1);
        }
        return day;
    }

    /** Whether {@code month} is due to close at {@code now}. */
    public boolean isDue(YearMonth month, Instant now) {
        LocalDate today = now.atZone(calendar.zone()).toLocalDate();
        return !today.isBefore(firstWorkingDayAfter(month));
    }

    /** The month whose close the scheduler checks at {@code now}: the previous calendar month. */
    public YearMonth previousMonth(Instant now) {
        return YearMonth.from(now.atZone(calendar.zone())).minusMonths(1);
    }
}
