package io.cityloop.events;

/** A handling time limit as the category catalog states it, e.g. 1 WORKING_DAYS or 2 WORKING_HOURS. */
public record TimeLimit(double amount, String unit) {
}
