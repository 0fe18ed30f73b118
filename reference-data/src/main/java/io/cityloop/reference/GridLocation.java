package io.cityloop.reference;

/**
 * Where a point falls on the unit grid (万米单元网格). The cell code is GB/T 30428.1 style: 6-digit district
 * code + 3-digit street + 3-digit community + 4-digit cell sequence.
 */
public record GridLocation(
        String districtCode,
        String districtName,
        String streetCode,
        String streetName,
        String communityCode,
        String cellCode) {
}
