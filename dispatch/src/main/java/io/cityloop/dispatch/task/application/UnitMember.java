package io.cityloop.dispatch.task.application;

import io.cityloop.dispatch.task.model.Performer;

/** A user acting for a handling unit (处置单位), as the token says. */
public record UnitMember(String username, String unit, String role) {

    Performer asPerformer() {
        return new Performer(username, role);
    }
}
