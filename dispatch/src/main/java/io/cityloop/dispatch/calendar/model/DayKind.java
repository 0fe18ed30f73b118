package io.cityloop.dispatch.calendar.model;

/** What makes a day of the calendar out of the ordinary. */
public enum DayKind {
    /** 法定节假日 (including the weekend days folded into a holiday block): no working time. */
    HOLIDAY,
    /** 调休上班: a Saturday or Sunday worked to make a holiday block longer; full office hours. */
    MAKE_UP_WORKDAY
}
