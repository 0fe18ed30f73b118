package io.cityloop.notification.delivery.model;

/** Whose subscription it is: a handling unit's (e.g. its duty phone), a role's (the supervisors'), or one user's. */
public enum Scope {
    UNIT,
    ROLE,
    USER
}
