package io.cityloop.assessment.close.application;

/** Who gives a close or appeal command: a user id and the role acted in ({@code system} for the scheduler). */
public record Actor(String id, String role, String unit) {

    public static final Actor SCHEDULER = new Actor("month-close-scheduler", "system", null);
}
