package io.cityloop.reference;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class UnitGridTest {

    private final UnitGrid grid = CityReference.load().grid();

    @Test
    void locatesAPointInQinduOnAFullCellCode() {
        GridLocation location = grid.locate(108.70, 34.34).orElseThrow();

        assertThat(location.districtCode()).isEqualTo("610402");
        assertThat(location.districtName()).isEqualTo("秦都区");
        assertThat(location.cellCode()).hasSize(16).startsWith(location.communityCode());
        assertThat(location.communityCode()).startsWith(location.streetCode()).hasSize(12);
        assertThat(location.streetName()).endsWith("街道");
    }

    @Test
    void neighbouringPointsHundredsOfMetresApartFallInDifferentCells() {
        String here = grid.locate(108.7000, 34.3400).orElseThrow().cellCode();
        String east = grid.locate(108.7030, 34.3400).orElseThrow().cellCode();
        String nearby = grid.locate(108.7001, 34.3401).orElseThrow().cellCode();

        assertThat(east).isNotEqualTo(here);
        assertThat(nearby).isEqualTo(here);
    }

    @Test
    void aPointOnTheDistrictBorderResolvesToTheNorthEastDistrictEveryTime() {
        assertThat(grid.locate(108.72, 34.35).orElseThrow().districtCode()).isEqualTo("610404");
        assertThat(grid.locate(108.82, 34.35).orElseThrow().districtCode()).isEqualTo("610404");
    }

    @Test
    void countySeatsAreCovered() {
        assertThat(grid.locate(108.94, 34.62).orElseThrow().districtName()).isEqualTo("三原县");
        assertThat(grid.locate(108.08, 35.04).orElseThrow().districtName()).isEqualTo("彬州市");
    }

    @Test
    void pointsOutsideTheCityAreNotLocated() {
        assertThat(grid.locate(116.40, 39.90)).isEmpty();
        assertThat(grid.locate(Double.NaN, 34.3)).isEmpty();
    }
}
