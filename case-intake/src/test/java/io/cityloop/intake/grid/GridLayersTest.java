package io.cityloop.intake.grid;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.algorithm.Orientation;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Polygon;

import io.cityloop.platform.problem.FieldProblem;
import io.cityloop.platform.problem.ProblemException;

/** The map layers' rules: district outlines are the union of their cells, a view's cells, the box, GeoJSON. */
class GridLayersTest {

    private static final GeometryFactory GEOMETRIES = new GeometryFactory();
    private static UnitCellGrid grid;

    @BeforeAll
    static void load() {
        grid = UnitCellGrid.shipped();
    }

    @Test
    void thirteenDistrictsEachTheUnionOfItsCellsComputedOnce() {
        List<UnitCellGrid.DistrictOutline> districts = grid.districtOutlines();

        assertThat(districts).hasSize(13);
        assertThat(districts).extracting(UnitCellGrid.DistrictOutline::code)
                .startsWith("610402", "610404").endsWith("610481", "610482").isSorted();
        assertThat(districts.get(0).name()).isEqualTo("秦都区");
        assertThat(districts.stream().mapToInt(UnitCellGrid.DistrictOutline::cells).sum()).isEqualTo(grid.size());
        for (UnitCellGrid.DistrictOutline district : districts) {
            assertThat(district.outline().isValid()).as(district.name()).isTrue();
            assertThat(district.outline().getGeometryType()).isIn("Polygon", "MultiPolygon");
        }
        UnitCellGrid.DistrictOutline qindu = districts.get(0);
        assertThat(qindu.outline().covers(GEOMETRIES.createPoint(new Coordinate(108.7012, 34.3405)))).isTrue();
        assertThat(qindu.outline().covers(GEOMETRIES.createPoint(new Coordinate(108.75, 34.36)))).as("渭城区").isFalse();
        assertThat(grid.districtOutlines()).isSameAs(districts);
    }

    @Test
    void theOutlineCoversEveryCellOfTheDistrictAndNothingMoreThanTheSimplificationAllows() {
        UnitCellGrid.DistrictOutline qindu = grid.districtOutlines().get(0);
        List<UnitCellGrid.CellShape> core = grid.cellsIntersecting(108.69, 34.33, 108.71, 34.35, 3000);
        double cellsArea = 0;
        for (UnitCellGrid.CellShape cell : core) {
            Polygon polygon = GEOMETRIES.createPolygon(cell.ring().toArray(Coordinate[]::new));
            if (cell.location().districtCode().equals("610402")) {
                assertThat(qindu.outline().buffer(UnitCellGrid.OUTLINE_TOLERANCE).covers(polygon))
                        .as(cell.location().cellCode()).isTrue();
                cellsArea += polygon.getArea();
            }
        }
        assertThat(cellsArea).isPositive();
        assertThat(qindu.outline().getArea()).isCloseTo(0.0136, org.assertj.core.data.Offset.offset(0.0001));
    }

    @Test
    void aViewGetsTheCellsWhoseEnvelopeIntersectsItOrderedByCode() {
        CellLocation here = grid.locate(108.7012, 34.3405).orElseThrow();
        List<UnitCellGrid.CellShape> cells = grid.cellsIntersecting(108.7005, 34.3400, 108.7020, 34.3410, 3000);

        assertThat(cells).isNotEmpty().hasSizeLessThan(20);
        assertThat(cells).extracting(c -> c.location().cellCode()).contains(here.cellCode()).isSorted();
        Envelope view = new Envelope(108.7005, 108.7020, 34.3400, 34.3410);
        for (UnitCellGrid.CellShape cell : cells) {
            Envelope envelope = new Envelope();
            cell.ring().forEach(envelope::expandToInclude);
            assertThat(envelope.intersects(view)).isTrue();
            assertThat(cell.ring().get(0)).isEqualTo(cell.ring().get(cell.ring().size() - 1));
        }
        assertThat(grid.cellsIntersecting(116.39, 39.90, 116.40, 39.91, 3000)).as("Beijing").isEmpty();
        assertThat(grid.cellsIntersecting(108.60, 34.27, 108.83, 34.43, 3000)).as("the whole urban core").isNull();
    }

    @Test
    void aBoxIsFourNumbersInOrderWithinWgs84() {
        assertThat(GridLayerController.bbox("108.69,34.33,108.71,34.35"))
                .containsExactly(108.69, 34.33, 108.71, 34.35);
        assertThat(GridLayerController.bbox(" 108.69, 34.33 ,108.71,34.35")).hasSize(4);
        for (String malformed : new String[] {"", "108.69,34.33,108.71", "108.69,34.33,108.71,34.35,1",
                "a,b,c,d", "108.69,,108.71,34.35", "NaN,34.33,108.71,34.35", "Infinity,34.33,108.71,34.35"}) {
            assertThatThrownBy(() -> GridLayerController.bbox(malformed)).as(malformed)
                    .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.errors())
                            .containsExactly(new FieldProblem("bbox", "format", e.errors().get(0).message())));
        }
        for (String outOfRange : new String[] {"108.71,34.33,108.69,34.35", "108.69,34.35,108.71,34.33",
                "-181,34.33,108.71,34.35", "108.69,34.33,108.71,91"}) {
            assertThatThrownBy(() -> GridLayerController.bbox(outOfRange)).as(outOfRange)
                    .isInstanceOfSatisfying(ProblemException.class, e -> {
                        assertThat(e.errors().get(0).field()).isEqualTo("bbox");
                        assertThat(e.errors().get(0).rule()).isEqualTo("range");
                    });
        }
    }

    @Test
    void geoJsonPositionsAreLonLatRoundedToSevenDecimalsWithCounterclockwiseShells() {
        assertThat(GeoJson.round(108.70123456789)).isEqualTo(108.7012346);
        assertThat(GeoJson.round(34.34049999999)).isEqualTo(34.3405);

        List<Coordinate> clockwise = List.of(new Coordinate(108.70, 34.34), new Coordinate(108.70, 34.341),
                new Coordinate(108.701, 34.341), new Coordinate(108.701, 34.34), new Coordinate(108.70, 34.34));
        GeoJson.Shape shape = GeoJson.polygon(clockwise);
        assertThat(shape.type()).isEqualTo("Polygon");
        @SuppressWarnings("unchecked")
        List<double[]> ring = ((List<List<double[]>>) shape.coordinates()).get(0);
        assertThat(ring).hasSize(5);
        assertThat(ring.get(0)).containsExactly(108.70, 34.34);
        assertThat(Orientation.isCCW(ring.stream().map(p -> new Coordinate(p[0], p[1])).toArray(Coordinate[]::new)))
                .isTrue();

        GeoJson.Shape district = GeoJson.of(grid.districtOutlines().get(0).outline());
        assertThat(district.type()).isEqualTo("Polygon");
        @SuppressWarnings("unchecked")
        double[] first = ((List<List<double[]>>) district.coordinates()).get(0).get(0);
        assertThat(first[0]).isBetween(108.6, 108.8);
        assertThat(first[1]).isBetween(34.2, 34.5);
    }
}
