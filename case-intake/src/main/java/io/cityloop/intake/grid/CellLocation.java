package io.cityloop.intake.grid;

/**
 * Where a point falls on the unit grid (万米单元网格): district 区县, street 街道, community 社区, cell, and the
 * inspector area (责任网格) the cell belongs to. The cell code is GB/T 30428.1 style: 6-digit district code +
 * 3-digit street + 3-digit community + 4-digit sequence.
 */
public record CellLocation(
        String districtCode,
        String districtName,
        String streetCode,
        String streetName,
        String communityCode,
        String communityName,
        String cellCode,
        String inspectorArea) {
}
