package io.cityloop.intake.grid;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.zip.GZIPOutputStream;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Polygon;

/**
 * Generates the demo city's unit grid (万米单元网格) shipped as {@code cityloop/intake/unit-grid.tsv.gz}.
 *
 * <p>Procedure, deterministic so that the shipped file can be checked against it
 * ({@code ShippedGridTest}):
 * <ol>
 *   <li>Each district has an approximate boundary polygon, drawn by hand from known coordinates of its urban core
 *   (秦都区, 渭城区) or of its seat (the other eleven). They are approximations for the demo, not surveyed
 *   boundaries; 秦都区 and 渭城区 share the meridian 108.72°E as their border.</li>
 *   <li>Over the polygon's bounding box a lattice of 100 m × 100 m cells is laid from the south-west corner
 *   (100 m of latitude = 1/1113.2°; 100 m of longitude at the box's mean latitude).</li>
 *   <li>The lattice columns and rows are split evenly into street blocks (3 × 3 in the core, 1 × 2 at the seats,
 *   named as in reference-data's grid.json, row-major from the south-west) and each street block into
 *   communities (3 × 3 in the core, 2 × 2 at the seats), so street and community borders run along cell
 *   borders.</li>
 *   <li>Every lattice cell is clipped to the district polygon; empty cells are dropped. Cells are numbered
 *   row-major from the south-west within their community. Code = district (6) + street (3) + community (3) +
 *   sequence (4).</li>
 *   <li>Each street is one inspector's area of responsibility (责任网格), coded {@code IA} + street code.</li>
 * </ol>
 * Run: {@code java -cp case-intake/target/test-classes:case-intake/target/classes:<jts-core.jar>
 * io.cityloop.intake.grid.GridGenerator case-intake/src/main/resources/cityloop/intake/unit-grid.tsv.gz}.
 */
public final class GridGenerator {

    static final String VERSION = "2026.1";
    private static final double METRES_PER_DEGREE_LAT = 111_320.0;
    private static final double CELL_METRES = 100.0;
    private static final GeometryFactory GEOMETRY = new GeometryFactory();

    record DistrictOutline(String code, String name, double[][] boundary, int streetRows, int streetCols,
                           int communityRows, int communityCols, List<String> streets) {
    }

    static final List<DistrictOutline> DISTRICTS = List.of(
            new DistrictOutline("610402", "秦都区", new double[][] {
                    {108.620, 34.300}, {108.635, 34.280}, {108.720, 34.280}, {108.720, 34.420},
                    {108.640, 34.420}, {108.620, 34.395}}, 3, 3, 3, 3,
                    List.of("人民路街道", "西兰路街道", "吴家堡街道", "渭阳西路街道", "陈杨寨街道", "古渡街道",
                            "沣东街道", "钓台街道", "马泉街道")),
            new DistrictOutline("610404", "渭城区", new double[][] {
                    {108.720, 34.280}, {108.800, 34.280}, {108.820, 34.300}, {108.820, 34.420},
                    {108.720, 34.420}}, 3, 3, 3, 3,
                    List.of("中山街道", "新兴路街道", "渭阳街道", "文汇路街道", "渭城街道", "窑店街道", "正阳街道",
                            "周陵街道", "底张街道")),
            seat("610422", "三原县", 108.925, 34.6065, 108.955, 34.6335, "城关街道", "陂西镇"),
            seat("610423", "泾阳县", 108.825, 34.5165, 108.855, 34.5435, "泾干街道", "云阳镇"),
            seat("610424", "乾县", 108.225, 34.5165, 108.255, 34.5435, "城关街道", "薛录镇"),
            seat("610425", "礼泉县", 108.415, 34.4665, 108.445, 34.4935, "城关街道", "烟霞镇"),
            seat("610426", "永寿县", 108.125, 34.6765, 108.155, 34.7035, "监军街道", "店头镇"),
            seat("610428", "长武县", 107.785, 35.1965, 107.815, 35.2235, "昭仁街道", "相公镇"),
            seat("610429", "旬邑县", 108.315, 35.0965, 108.345, 35.1235, "城关街道", "太村镇"),
            seat("610430", "淳化县", 108.565, 34.7865, 108.595, 34.8135, "城关街道", "官庄镇"),
            seat("610431", "武功县", 108.185, 34.2465, 108.215, 34.2735, "普集街道", "武功镇"),
            seat("610481", "兴平市", 108.475, 34.2865, 108.505, 34.3135, "东城街道", "西城街道"),
            seat("610482", "彬州市", 108.065, 35.0265, 108.095, 35.0535, "城关街道", "豳风街道"));

    private GridGenerator() {
    }

    /** A seat area: its extent with the corners cut off (an octagon), split into two streets west and east. */
    private static DistrictOutline seat(String code, String name, double minLon, double minLat, double maxLon,
                                        double maxLat, String west, String east) {
        double cutLon = (maxLon - minLon) * 0.2;
        double cutLat = (maxLat - minLat) * 0.2;
        return new DistrictOutline(code, name, new double[][] {
                {minLon + cutLon, minLat}, {maxLon - cutLon, minLat}, {maxLon, minLat + cutLat},
                {maxLon, maxLat - cutLat}, {maxLon - cutLon, maxLat}, {minLon + cutLon, maxLat},
                {minLon, maxLat - cutLat}, {minLon, minLat + cutLat}}, 1, 2, 2, 2, List.of(west, east));
    }

    public static void main(String[] args) throws IOException {
        Path target = Path.of(args.length > 0 ? args[0]
                : "case-intake/src/main/resources/cityloop/intake/unit-grid.tsv.gz");
        try (OutputStream out = Files.newOutputStream(target)) {
            int cells = write(out);
            System.out.println(cells + " cells written to " + target);
        }
    }

    /** Writes the grid, gzipped, and returns the number of cells. */
    static int write(OutputStream target) throws IOException {
        GZIPOutputStream gzip = new GZIPOutputStream(target);
        Writer out = new OutputStreamWriter(gzip, StandardCharsets.UTF_8);
        out.write("V\t" + VERSION + "\n");
        int cells = 0;
        for (DistrictOutline district : DISTRICTS) {
            cells += writeDistrict(district, out);
        }
        out.flush();
        gzip.finish();
        return cells;
    }

    private static int writeDistrict(DistrictOutline d, Writer out) throws IOException {
        Polygon outline = polygon(d.boundary());
        var box = outline.getEnvelopeInternal();
        double latStep = CELL_METRES / METRES_PER_DEGREE_LAT;
        double lonStep = CELL_METRES / (METRES_PER_DEGREE_LAT * Math.cos(Math.toRadians(box.centre().y)));
        int cols = (int) Math.ceil(box.getWidth() / lonStep - 1e-9);
        int rows = (int) Math.ceil(box.getHeight() / latStep - 1e-9);
        out.write("D\t" + d.code() + "\t" + d.name() + "\n");
        int written = 0;
        for (int sr = 0; sr < d.streetRows(); sr++) {
            for (int sc = 0; sc < d.streetCols(); sc++) {
                int streetIndex = sr * d.streetCols() + sc;
                String streetCode = d.code() + "%03d".formatted(streetIndex + 1);
                String streetName = d.streets().get(streetIndex);
                out.write("S\t" + streetCode + "\t" + streetName + "\n");
                int[] streetRowsSpan = span(rows, d.streetRows(), sr);
                int[] streetColsSpan = span(cols, d.streetCols(), sc);
                for (int cr = 0; cr < d.communityRows(); cr++) {
                    for (int cc = 0; cc < d.communityCols(); cc++) {
                        int communityIndex = cr * d.communityCols() + cc;
                        String communityCode = streetCode + "%03d".formatted(communityIndex + 1);
                        int[] rowSpan = sub(streetRowsSpan, d.communityRows(), cr);
                        int[] colSpan = sub(streetColsSpan, d.communityCols(), cc);
                        StringBuilder cellsOfCommunity = new StringBuilder();
                        int sequence = 0;
                        for (int row = rowSpan[0]; row < rowSpan[1]; row++) {
                            for (int col = colSpan[0]; col < colSpan[1]; col++) {
                                Geometry cell = square(box.getMinX() + col * lonStep, box.getMinY() + row * latStep,
                                        lonStep, latStep).intersection(outline);
                                if (cell.isEmpty() || cell.getArea() <= 0 || !(cell instanceof Polygon clipped)) {
                                    continue;
                                }
                                sequence++;
                                cellsOfCommunity.append("C\t").append(communityCode).append("%04d".formatted(sequence))
                                        .append('\t').append(ring(clipped)).append('\n');
                            }
                        }
                        if (sequence > 0) {
                            out.write("M\t" + communityCode + "\t" + streetName + "第" + (communityIndex + 1)
                                    + "社区\tIA" + streetCode + "\n");
                            out.write(cellsOfCommunity.toString());
                            written += sequence;
                        }
                    }
                }
            }
        }
        return written;
    }

    private static int[] span(int total, int parts, int index) {
        return new int[] {total * index / parts, total * (index + 1) / parts};
    }

    private static int[] sub(int[] range, int parts, int index) {
        int total = range[1] - range[0];
        return new int[] {range[0] + total * index / parts, range[0] + total * (index + 1) / parts};
    }

    private static Polygon polygon(double[][] points) {
        Coordinate[] ring = new Coordinate[points.length + 1];
        for (int i = 0; i < points.length; i++) {
            ring[i] = new Coordinate(points[i][0], points[i][1]);
        }
        ring[points.length] = ring[0];
        return GEOMETRY.createPolygon(ring);
    }

    private static Polygon square(double lon, double lat, double width, double height) {
        return polygon(new double[][] {{lon, lat}, {lon + width, lat}, {lon + width, lat + height},
                {lon, lat + height}});
    }

    /** The outer ring without its closing point, as {@code lon,lat;lon,lat;…} with 7 decimals (about 1 cm). */
    private static String ring(Polygon cell) {
        Coordinate[] points = cell.getExteriorRing().getCoordinates();
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < points.length - 1; i++) {
            if (i > 0) {
                text.append(';');
            }
            text.append(String.format(Locale.ROOT, "%.7f,%.7f", points[i].x, points[i].y));
        }
        return text.toString();
    }
}
