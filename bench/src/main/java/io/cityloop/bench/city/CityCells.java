package io.cityloop.bench.city;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.jar.JarFile;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipEntry;

import io.cityloop.launcher.CityLoopService;

/**
 * The unit grid (万米单元网格) as case-intake ships it: the cells clipped to the districts' outlines, which is the
 * grid that decides whether a report lies inside the city. Reports are placed in these cells rather than in
 * reference-data's rectangular district extents, because an extent also covers land outside every outline, and a
 * report there is refused with 400 {@code location/inside-city}.
 *
 * <p>Read from the case-intake jar the bench launches (so the generator and the running service agree), or from
 * case-intake's source resources before that jar is built.
 */
public final class CityCells {

    static final String RESOURCE = "cityloop/intake/unit-grid.tsv.gz";
    private static final double BUCKET_DEGREES = 0.01;
    private static final int TRIES = 20;
    private static final Map<Path, CityCells> SHIPPED = new ConcurrentHashMap<>();

    private final Map<String, List<Cell>> byDistrict;
    private final Map<Long, List<Cell>> buckets = new HashMap<>();

    private CityCells(Map<String, List<Cell>> byDistrict) {
        this.byDistrict = byDistrict;
        byDistrict.values().forEach(cells -> cells.forEach(this::index));
    }

    /** One cell: its code, street and district, and its outline as a ring of lon/lat pairs. */
    public record Cell(String code, String districtCode, String streetName, double[] lons, double[] lats) {

        /** Inside or on the ring (even–odd rule): a border point belongs to the cell, as in case-intake. */
        boolean covers(double lon, double lat) {
            boolean inside = false;
            for (int i = 0, j = lons.length - 1; i < lons.length; j = i++) {
                if (onSegment(lon, lat, lons[j], lats[j], lons[i], lats[i])) {
                    return true;
                }
                if ((lats[i] > lat) != (lats[j] > lat)
                        && lon < (lons[j] - lons[i]) * (lat - lats[i]) / (lats[j] - lats[i]) + lons[i]) {
                    inside = !inside;
                }
            }
            return inside;
        }

        /**
         * A point inside the cell at the precision reports carry (6 decimals, about 0.1 m), drawn from the random
         * source; empty when a thin sliver of a cell keeps missing.
         */
        Optional<double[]> pointInside(Random random) {
            double minLon = min(lons);
            double minLat = min(lats);
            double width = max(lons) - minLon;
            double height = max(lats) - minLat;
            for (int i = 0; i < TRIES; i++) {
                double lon = sixDecimals(minLon + random.nextDouble() * width);
                double lat = sixDecimals(minLat + random.nextDouble() * height);
                if (covers(lon, lat)) {
                    return Optional.of(new double[] {lon, lat});
                }
            }
            return Optional.empty();
        }

        private static boolean onSegment(double x, double y, double x1, double y1, double x2, double y2) {
            double cross = (x - x1) * (y2 - y1) - (y - y1) * (x2 - x1);
            return cross == 0 && x >= Math.min(x1, x2) && x <= Math.max(x1, x2) && y >= Math.min(y1, y2)
                    && y <= Math.max(y1, y2);
        }
    }

    /** The grid of the checkout at {@code cityloop.home} (default {@code ..}, the bench module's parent). */
    public static CityCells shipped() {
        return shipped(Path.of(System.getProperty("cityloop.home", "..")).toAbsolutePath().normalize());
    }

    public static CityCells shipped(Path home) {
        return SHIPPED.computeIfAbsent(home, CityCells::load);
    }

    private static CityCells load(Path home) {
        Path jar = CityLoopService.CASE_INTAKE.jarIn(home);
        try {
            if (Files.isRegularFile(jar)) {
                try (JarFile file = new JarFile(jar.toFile())) {
                    ZipEntry entry = file.getEntry("BOOT-INF/classes/" + RESOURCE);
                    if (entry != null) {
                        try (InputStream in = file.getInputStream(entry)) {
                            return read(in);
                        }
                    }
                }
            }
            Path source = home.resolve("case-intake/src/main/resources").resolve(RESOURCE);
            if (!Files.isRegularFile(source)) {
                throw new IllegalStateException("no unit grid in " + jar + " nor at " + source
                        + ": the bench places reports in case-intake's grid cells");
            }
            try (InputStream in = Files.newInputStream(source)) {
                return read(in);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read case-intake's unit grid", e);
        }
    }

    /**
     * Reads case-intake's grid file: {@code D code name}, {@code S code name}, {@code M code name area},
     * {@code C code lon,lat;lon,lat;…}, tab-separated, each line in the scope of the lines above it.
     */
    static CityCells read(InputStream gzipped) throws IOException {
        BufferedReader lines = new BufferedReader(new InputStreamReader(new GZIPInputStream(gzipped),
                StandardCharsets.UTF_8));
        Map<String, List<Cell>> byDistrict = new HashMap<>();
        String district = null;
        String street = null;
        for (String line = lines.readLine(); line != null; line = lines.readLine()) {
            String[] f = line.split("\t");
            if (f[0].equals("D")) {
                district = f[1];
            } else if (f[0].equals("S")) {
                street = f[2];
            } else if (f[0].equals("C")) {
                String[] points = f[2].split(";");
                double[] lons = new double[points.length];
                double[] lats = new double[points.length];
                for (int i = 0; i < points.length; i++) {
                    int comma = points[i].indexOf(',');
                    lons[i] = Double.parseDouble(points[i].substring(0, comma));
                    lats[i] = Double.parseDouble(points[i].substring(comma + 1));
                }
                byDistrict.computeIfAbsent(district, k -> new ArrayList<>())
                        .add(new Cell(f[1], district, street, lons, lats));
            }
        }
        return new CityCells(byDistrict);
    }

    public List<Cell> cellsOf(String districtCode) {
        return byDistrict.getOrDefault(districtCode, List.of());
    }

    /** The cell covering the point, lowest code first as case-intake resolves borders; empty outside the city. */
    public Optional<Cell> locate(double lon, double lat) {
        Cell best = null;
        for (Cell cell : buckets.getOrDefault(bucket(lon, lat), List.of())) {
            if (cell.covers(lon, lat) && (best == null || cell.code().compareTo(best.code()) < 0)) {
                best = cell;
            }
        }
        return Optional.ofNullable(best);
    }

    /** A point of the district at random: a cell at random (cells are about equal), then a point inside it. */
    Optional<Placed> place(String districtCode, Random random) {
        List<Cell> cells = cellsOf(districtCode);
        for (int i = 0; i < TRIES && !cells.isEmpty(); i++) {
            Cell cell = cells.get(random.nextInt(cells.size()));
            Optional<double[]> point = cell.pointInside(random);
            if (point.isPresent()) {
                return Optional.of(new Placed(cell, point.get()[0], point.get()[1]));
            }
        }
        return Optional.empty();
    }

    /** A report's point and the cell it lies in. */
    record Placed(Cell cell, double lon, double lat) {
    }

    private void index(Cell cell) {
        long fromLon = (long) Math.floor(min(cell.lons()) / BUCKET_DEGREES);
        long toLon = (long) Math.floor(max(cell.lons()) / BUCKET_DEGREES);
        long fromLat = (long) Math.floor(min(cell.lats()) / BUCKET_DEGREES);
        long toLat = (long) Math.floor(max(cell.lats()) / BUCKET_DEGREES);
        for (long x = fromLon; x <= toLon; x++) {
            for (long y = fromLat; y <= toLat; y++) {
                buckets.computeIfAbsent(key(x, y), k -> new ArrayList<>()).add(cell);
            }
        }
    }

    private static long bucket(double lon, double lat) {
        return key((long) Math.floor(lon / BUCKET_DEGREES), (long) Math.floor(lat / BUCKET_DEGREES));
    }

    private static long key(long x, long y) {
        return x * 1_000_003L + y;
    }

    static double sixDecimals(double degrees) {
        return Math.round(degrees * 1e6) / 1e6;
    }

    private static double min(double[] values) {
        double m = Double.POSITIVE_INFINITY;
        for (double v : values) {
            m = Math.min(m, v);
        }
        return m;
    }

    private static double max(double[] values) {
        double m = Double.NEGATIVE_INFINITY;
        for (double v : values) {
            m = Math.max(m, v);
        }
        return m;
    }
}
