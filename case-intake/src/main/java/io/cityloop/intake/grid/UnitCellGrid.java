package io.cityloop.intake.grid;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.zip.GZIPInputStream;

import org.locationtech.jts.algorithm.RayCrossingCounter;
import org.locationtech.jts.coverage.CoverageUnion;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Location;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.index.strtree.STRtree;
import org.locationtech.jts.operation.union.CascadedPolygonUnion;
import org.locationtech.jts.simplify.TopologyPreservingSimplifier;

/**
 * The demo city's unit grid as polygons, looked up through an STR-tree: a point costs a few envelope tests and one
 * or two point-in-ring tests, whatever the number of cells. A point on a shared border is covered by several cells
 * and resolves to the one with the lowest code, so the answer never depends on the index's order.
 */
public final class UnitCellGrid {

    public static final String RESOURCE = "/cityloop/intake/unit-grid.tsv.gz";

    /**
     * Outlines are simplified by this much (degrees, about 1 m): it drops the vertices where cells meet along a
     * straight border and keeps every corner of the 100 m lattice.
     */
    static final double OUTLINE_TOLERANCE = 0.00001;

    private static final GeometryFactory GEOMETRIES = new GeometryFactory();

    private final String version;
    private final STRtree index;
    private final Map<String, Cell> byCode;
    private volatile List<DistrictOutline> districtOutlines;

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

    /**
     * The cells whose envelope intersects the box, ordered by cell code; {@code null} when more than {@code limit}
     * cells do, so a caller can refuse a box that is too large without building the answer.
     */
    public List<CellShape> cellsIntersecting(double minLon, double minLat, double maxLon, double maxLat, int limit) {
        @SuppressWarnings("unchecked")
        List<Cell> found = index.query(new Envelope(minLon, maxLon, minLat, maxLat));
        if (found.size() > limit) {
            return null;
        }
        return found.stream().sorted(Comparator.comparing(Cell::code))
                .map(cell -> new CellShape(cell.location(), List.of(cell.ring()))).toList();
    }

    /**
     * Each district's outline: the union of its cells, simplified by {@link #OUTLINE_TOLERANCE}, ordered by
     * district code. Computed on the first call (about half a second for the whole grid) and kept.
     */
    public List<DistrictOutline> districtOutlines() {
        List<DistrictOutline> outlines = districtOutlines;
        if (outlines == null) {
            synchronized (this) {
                outlines = districtOutlines;
                if (outlines == null) {
                    outlines = unionByDistrict();
                    districtOutlines = outlines;
                }
            }
        }
        return outlines;
    }

    private List<DistrictOutline> unionByDistrict() {
        Map<String, List<Cell>> byDistrict = new TreeMap<>();
        for (Cell cell : byCode.values()) {
            byDistrict.computeIfAbsent(cell.location().districtCode(), code -> new ArrayList<>()).add(cell);
        }
        List<DistrictOutline> outlines = new ArrayList<>();
        byDistrict.forEach((code, cells) -> {
            List<Geometry> polygons = new ArrayList<>(cells.size());
            for (Cell cell : cells) {
                polygons.add(GEOMETRIES.createPolygon(cell.ring()));
            }
            Geometry outline = TopologyPreservingSimplifier.simplify(union(polygons), OUTLINE_TOLERANCE);
            outlines.add(new DistrictOutline(code, cells.get(0).location().districtName(), cells.size(), outline));
        });
        return List.copyOf(outlines);
    }

    /**
     * The cells of a district form a coverage (neighbours share their edges vertex for vertex), so the union is the
     * edges that are not shared: {@link CoverageUnion} finds it in a fraction of a second, where an overlay of
     * 14,000 cells ({@link CascadedPolygonUnion}) takes seconds. Should a grid file ever not be a clean coverage
     * (the result invalid or its area not the cells' total), the overlay answers instead.
     */
    static Geometry union(List<Geometry> polygons) {
        double area = 0;
        for (Geometry polygon : polygons) {
            area += polygon.getArea();
        }
        Geometry union = CoverageUnion.union(polygons.toArray(Geometry[]::new));
        if (union != null && union.isValid() && Math.abs(union.getArea() - area) <= area * 1e-9) {
            return union;
        }
        return CascadedPolygonUnion.union(polygons);
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

    /** A cell and its outline, a closed ring of {@code (lon, lat)} coordinates. */
    public record CellShape(CellLocation location, List<Coordinate> ring) {
    }

    /**
     * A district's outline: a {@link Polygon} or a {@code MultiPolygon} (lon, lat), holes where no cell lies.
     *
     * @param cells how many unit-grid cells the district has
     */
    public record DistrictOutline(String code, String name, int cells, Geometry outline) {
    }
}
