package io.cityloop.reference;

/** How a time limit is counted: in working hours or working days (1 working day = the calendar's hours per day). */
public enum WorkingTimeUnit {
    WORKING_HOURS,
    WORKING_DAYS
}
