package io.cityloop.intake.grid;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.HashSet;
import java.util.Set;
import java.util.zip.GZIPInputStream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Point → cell over the shipped grid: inside, on borders, outside; and the shipped file is the generator's. */
class UnitCellGridTest {

    private static UnitCellGrid grid;

    @BeforeAll
    static void load() {
        grid = UnitCellGrid.shipped();
    }

    @Test
    void theShippedGridCoversTheUrbanCoreAndEverySeatWithThousandsOfCells() {
        assertThat(grid.size()).isGreaterThan(30_000);
        Set<String> districts = new HashSet<>();
        for (GridGenerator.DistrictOutline d : GridGenerator.DISTRICTS) {
            double[] corner = d.boundary()[0];
            double[] opposite = d.boundary()[d.boundary().length / 2];
            double lon = (corner[0] + opposite[0]) / 2;
            double lat = (corner[1] + opposite[1]) / 2;
            grid.locate(lon, lat).ifPresent(cell -> districts.add(cell.districtCode()));
        }
        assertThat(districts).hasSize(13);
    }

    @Test
    void aPointInsideResolvesToItsCellWithAFullCode() {
        CellLocation cell = grid.locate(108.7012, 34.3405).orElseThrow();

        assertThat(cell.districtCode()).isEqualTo("610402");
        assertThat(cell.districtName()).isEqualTo("秦都区");
        assertThat(cell.cellCode()).hasSize(16).startsWith(cell.communityCode());
        assertThat(cell.communityCode()).hasSize(12).startsWith(cell.streetCode());
        assertThat(cell.streetCode()).hasSize(9).startsWith("610402");
        assertThat(cell.inspectorArea()).isEqualTo("IA" + cell.streetCode());
        assertThat(grid.locate(108.75, 34.35).orElseThrow().districtCode()).isEqualTo("610404");
        assertThat(grid.locate(108.4912, 34.3011).orElseThrow().districtName()).isEqualTo("兴平市");
        assertThat(grid.cell(cell.cellCode())).contains(cell);
    }

    @Test
    void aPointOnABorderResolvesToTheLowestCodeOfTheCellsSharingIt() {
        CellLocation onDistrictBorder = grid.locate(108.72, 34.35).orElseThrow();
        assertThat(onDistrictBorder.districtCode()).as("秦都区/渭城区 border").isEqualTo("610402");

        CellLocation inside = grid.locate(108.7012, 34.3405).orElseThrow();
        double[] corner = grid.outline(inside.cellCode()).orElseThrow().get(0);
        CellLocation atCorner = grid.locate(corner[0], corner[1]).orElseThrow();
        for (int i = 0; i < 5; i++) {
            assertThat(grid.locate(corner[0], corner[1])).contains(atCorner);
        }
        for (double dLon : new double[] {-1e-7, 1e-7}) {
            for (double dLat : new double[] {-1e-7, 1e-7}) {
                grid.locate(corner[0] + dLon, corner[1] + dLat).ifPresent(neighbour ->
                        assertThat(atCorner.cellCode()).isLessThanOrEqualTo(neighbour.cellCode()));
            }
        }
    }

    @Test
    void aPointOutsideEveryCellIsNotLocated() {
        assertThat(grid.locate(116.397, 39.909)).as("Beijing").isEmpty();
        assertThat(grid.locate(108.60, 34.35)).as("west of 秦都区's core").isEmpty();
        assertThat(grid.locate(108.6201, 34.2801)).as("the cut-off south-west corner").isEmpty();
        assertThat(grid.locate(Double.NaN, 34.35)).isEmpty();
    }

    @Test
    void theShippedFileIsExactlyWhatTheGeneratorProduces() throws IOException {
        ByteArrayOutputStream regenerated = new ByteArrayOutputStream();
        GridGenerator.write(regenerated);

        try (InputStream shipped = UnitCellGridTest.class.getResourceAsStream(UnitCellGrid.RESOURCE)) {
            assertThat(unzip(new ByteArrayInputStream(regenerated.toByteArray())))
                    .isEqualTo(unzip(shipped));
        }
    }

    private static byte[] unzip(InputStream gzipped) throws IOException {
        try (InputStream in = new GZIPInputStream(gzipped)) {
            return in.readAllBytes();
        }
    }
}
