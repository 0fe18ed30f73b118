package io.cityloop.events;

/** 立案: the report met its category's filing criterion and became a case to dispatch. */
public record CaseFiled(
        String caseId,
        String categoryCode,
        String districtCode,
        String gridCode,
        String note,
        Actor actor) implements CaseEventData {
}
