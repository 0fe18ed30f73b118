package io.cityloop.reference;

/** A county-level district (区县) by its 6-digit administrative code. */
public record District(String code, String name) {

    /** The handling-unit id under which the district's own platform receives tasks. */
    public String unitId() {
        return HandlingUnit.DISTRICT_PREFIX + code;
    }
}
