package io.cityloop.intake.casefile.model;

/**
 * The reported position (WGS84) and where it falls on the unit grid: district 区县, street 街道, community 社区 and
 * cell 万米单元网格.
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
        String cellCode) {
}
