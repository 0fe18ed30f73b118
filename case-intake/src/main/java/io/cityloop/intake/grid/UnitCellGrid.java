package io.cityloop.intake.grid;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.zip.GZIPInputStream;

import org.locationtech.jts.algorithm.RayCrossingCounter;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Location;
import org.locationtech.jts.index.strtree.STRtree;

/**
 * The demo city's unit grid as polygons, looked up through an STR-tree: a point costs a few envelope tests and one
 * or two point-in-ring tests, whatever the number of cells. A point on a shared border is covered by several cells
 * and resolves to the one with the lowest code, so the answer never depends on the index's order.
 */
public final class UnitCellGrid {

    public static final String RESOURCE = "/cityloop/intake/unit-grid.tsv.gz";

    private final String version;
    private final STRtree index;
    private final Map<String, Cell> byCode;

    private UnitCellGrid(String version, List<Cell> cells) {
        this.version = version;
        this.index = new STRtree();
        this.byCode = new HashMap<>();
        for (Cell cell : cells) {
            index.insert(cell.envelope(), cell);
            byCode.put(cell.location().cellCode(), cell);
        }
        index.build();
    }

    /** The grid shipped with case-intake. */
    public static UnitCellGrid shipped() {
        try (InputStream in = UnitCellGrid.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("unit grid " + RESOURCE + " is not on the classpath");
            }
            return read(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the unit grid", e);
        }
    }

    /**
     * Reads the gzipped grid file: {@code V version}, {@code D code name}, {@code S code name},
     * {@code M code name inspectorArea}, {@code C code lon,lat;lon,lat;…} (tab-separated, each line in the scope of
     * the lines above it).
     */
    public static UnitCellGrid read(InputStream gzipped) throws IOException {
        BufferedReader lines = new BufferedReader(new InputStreamReader(new GZIPInputStream(gzipped),
                StandardCharsets.UTF_8));
        String version = null;
        String[] district = null;
        String[] street = null;
        String[] community = null;
        List<Cell> cells = new ArrayList<>();
        for (String line = lines.readLine(); line != null; line = lines.readLine()) {
            String[] f = line.split("\t");
            switch (f[0]) {
                case "V" -> version = f[1];
                case "D" -> district = f;
                case "S" -> street = f;
                case "M" -> community = f;
                case "C" -> cells.add(new Cell(new CellLocation(district[1], district[2], street[1], street[2],
                        community[1], community[2], f[1], community[3]), ring(f[2])));
                default -> throw new IllegalStateException("unexpected grid line: " + line);
            }
        }
        return new UnitCellGrid(version, cells);
    }

    public String version() {
        return version;
    }

    public int size() {
        return byCode.size();
    }

    /** The cell covering the point, or empty when the point lies outside every cell of the city. */
    public Optional<CellLocation> locate(double lon, double lat) {
        if (!Double.isFinite(lon) || !Double.isFinite(lat)) {
            return Optional.empty();
        }
        Coordinate point = new Coordinate(lon, lat);
        Cell best = null;
        for (Object candidate : index.query(new Envelope(point))) {
            Cell cell = (Cell) candidate;
            if (cell.covers(point) && (best == null || cell.code().compareTo(best.code()) < 0)) {
                best = cell;
            }
        }
        return Optional.ofNullable(best).map(Cell::location);
    }

    /** Every inspector area (责任网格) some cell belongs to, sorted. */
    public SortedSet<String> inspectorAreas() {
        SortedSet<String> areas = new TreeSet<>();
        byCode.values().forEach(cell -> areas.add(cell.location().inspectorArea()));
        return areas;
    }

    public Optional<CellLocation> cell(String cellCode) {
        return Optional.ofNullable(byCode.get(cellCode)).map(Cell::location);
    }

    /** The outline of a cell as {@code [lon, lat]} pairs, closed. */
    public Optional<List<double[]>> outline(String cellCode) {
        return Optional.ofNullable(byCode.get(cellCode)).map(cell -> {
            List<double[]> points = new ArrayList<>();
            for (Coordinate c : cell.ring()) {
                points.add(new double[] {c.x, c.y});
            }
            return points;
        });
    }

    private static Coordinate[] ring(String text) {
        String[] points = text.split(";");
        Coordinate[] ring = new Coordinate[points.length + 1];
        for (int i = 0; i < points.length; i++) {
            int comma = points[i].indexOf(',');
            ring[i] = new Coordinate(Double.parseDouble(points[i].substring(0, comma)),
                    Double.parseDouble(points[i].substring(comma + 1)));
        }
        ring[points.length] = ring[0];
        return ring;
    }

    private record Cell(CellLocation location, Coordinate[] ring, Envelope envelope) {

        Cell(CellLocation location, Coordinate[] ring) {
            this(location, ring, envelopeOf(ring));
        }

        String code() {
            return location.cellCode();
        }

        /** Interior or boundary: a border point belongs to every cell that shares it. */
        boolean covers(Coordinate point) {
            return envelope.covers(point) && RayCrossingCounter.locatePointInRing(point, ring) != Location.EXTERIOR;
        }

        private static Envelope envelopeOf(Coordinate[] ring) {
            Envelope envelope = new Envelope();
            for (Coordinate c : ring) {
                envelope.expandToInclude(c);
            }
            return envelope;
        }
    }
}
