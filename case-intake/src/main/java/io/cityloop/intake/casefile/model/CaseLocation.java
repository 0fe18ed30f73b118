package io.cityloop.intake.casefile.model;

/**
 * The reported position (WGS84) and where it falls on the unit grid: district 区县, street 街道, community 社区, cell
 * 万米单元网格, and the inspector area 责任网格 whose inspector verifies there.
 */
public record CaseLocation(
        double lon,
        double lat,
        String address,
        String districtCode,
        String districtName,
        String streetCode,
        String streetName,
        String communityCode,
        String communityName,
        String cellCode,
        String inspectorArea) {
}
