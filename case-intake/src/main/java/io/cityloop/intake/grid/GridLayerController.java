package io.cityloop.intake.grid;

import java.time.Duration;
import java.util.List;

import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.cityloop.platform.problem.Problems;

/**
 * The unit grid as map layers (GeoJSON) for every signed-in user: the 13 districts' outlines, and the cells in the
 * map's view. A view holding more than {@link #MAX_CELLS} cells is refused: the map zooms in first.
 */
@RestController
class GridLayerController {

    /** About 30 km² of 100 m cells, a view of 5.5 km × 5.5 km; a phone shows cells legibly well below that. */
    static final int MAX_CELLS = 3000;

    private final UnitCellGrid grid;
    private volatile GeoJson.FeatureCollection<DistrictProperties> districts;

    GridLayerController(UnitCellGrid grid) {
        this.grid = grid;
    }

    /** One feature per district: its outline (the union of its cells), its code, name and number of cells. */
    @GetMapping("/api/reference/grid/districts")
    ResponseEntity<GeoJson.FeatureCollection<DistrictProperties>> districts() {
        GeoJson.FeatureCollection<DistrictProperties> layer = districts;
        if (layer == null) {
            layer = new GeoJson.FeatureCollection<>(grid.districtOutlines().stream()
                    .map(d -> new GeoJson.Feature<>(d.code(), GeoJson.of(d.outline()),
                            new DistrictProperties(d.code(), d.name(), d.cells())))
                    .toList());
            districts = layer;
        }
        return ResponseEntity.ok().cacheControl(CacheControl.maxAge(Duration.ofHours(1)).cachePrivate())
                .header("X-Grid-Version", grid.version()).body(layer);
    }

    /**
     * The cells whose envelope intersects {@code bbox} = {@code minLon,minLat,maxLon,maxLat} (WGS84, as Leaflet's
     * {@code getBounds().toBBoxString()} writes it), ordered by cell code.
     */
    @GetMapping("/api/reference/grid/cells")
    ResponseEntity<GeoJson.FeatureCollection<CellProperties>> cells(@RequestParam String bbox) {
        double[] box = bbox(bbox);
        List<UnitCellGrid.CellShape> cells = grid.cellsIntersecting(box[0], box[1], box[2], box[3], MAX_CELLS);
        if (cells == null) {
            throw Problems.validation("bbox", "max-cells", "the box holds more than " + MAX_CELLS
                    + " unit grid cells; zoom in (a view of about 5 km × 5 km or less)");
        }
        return ResponseEntity.ok().header("X-Grid-Version", grid.version())
                .body(new GeoJson.FeatureCollection<>(cells.stream()
                        .map(cell -> new GeoJson.Feature<>(cell.location().cellCode(), GeoJson.polygon(cell.ring()),
                                CellProperties.of(cell.location())))
                        .toList()));
    }

    static double[] bbox(String text) {
        String[] parts = text.split(",", -1);
        if (parts.length != 4) {
            throw malformed();
        }
        double[] box = new double[4];
        for (int i = 0; i < 4; i++) {
            try {
                box[i] = Double.parseDouble(parts[i].strip());
            } catch (NumberFormatException e) {
                throw malformed();
            }
            if (!Double.isFinite(box[i])) {
                throw malformed();
            }
        }
        if (box[0] < -180 || box[2] > 180 || box[1] < -90 || box[3] > 90 || box[0] > box[2] || box[1] > box[3]) {
            throw Problems.validation("bbox", "range", "minLon,minLat,maxLon,maxLat with -180 ≤ minLon ≤ maxLon ≤ 180 "
                    + "and -90 ≤ minLat ≤ maxLat ≤ 90");
        }
        return box;
    }

    private static RuntimeException malformed() {
        return Problems.validation("bbox", "format", "must be four numbers minLon,minLat,maxLon,maxLat, e.g. "
                + "108.69,34.33,108.71,34.35");
    }

    record DistrictProperties(String code, String name, int cells) {
    }

    record CellProperties(String cellCode, String communityName, String streetName, String districtName,
                          String inspectorArea) {

        static CellProperties of(CellLocation cell) {
            return new CellProperties(cell.cellCode(), cell.communityName(), cell.streetName(), cell.districtName(),
                    cell.inspectorArea());
        }
    }
}
