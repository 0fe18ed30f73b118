package io.cityloop.events;

/** 信息采集: a problem was reported and located on the unit grid. */
public record CaseReported(
        String caseId,
        String source,
        String categoryCode,
        String description,
        GeoPoint location,
        String address,
        String districtCode,
        String gridCode,
        String catalogVersion,
        Actor actor) implements CaseEventData {
}
