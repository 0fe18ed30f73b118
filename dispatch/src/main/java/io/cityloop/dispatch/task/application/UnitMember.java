package io.cityloop.dispatch.task.application;

import io.cityloop.dispatch.task.model.Performer;

/**
 * A user acting on tasks, as the token says: a department user for a handling unit (处置单位), or a command-center
 * user (dispatcher, supervisor) with {@code unit == null} who may act on every unit's tasks.
 */
public record UnitMember(String username, String unit, String role) {

    public static UnitMember commandCenter(String username, String role) {
        return new UnitMember(username, null, role);
    }

    public boolean actsForAllUnits() {
        return unit == null;
    }

    public Performer asPerformer() {
        return new Performer(username, role);
    }
}
