package io.cityloop.reference;

import java.util.List;
import java.util.Optional;

/**
 * The demo city's unit grid, generated from district extents by the procedure recorded in {@code grid.json}:
 * districts split into street blocks, street blocks into 2 × 2 communities, communities into cells of about
 * 100 m. Lookup is arithmetic on the lattice, so it costs the same for any point.
 */
public final class UnitGrid {

    private static final double METRES_PER_DEGREE_LAT = 111_320.0;

    private final String version;
    private final double cellSizeMetres;
    private final int communityRows;
    private final int communityCols;
    private final List<GridDistrict> districts;

    public UnitGrid(String version, double cellSizeMetres, int communityRows, int communityCols,
                    List<GridDistrict> districts) {
        this.version = version;
        this.cellSizeMetres = cellSizeMetres;
        this.communityRows = communityRows;
        this.communityCols = communityCols;
        this.districts = List.copyOf(districts);
    }

    public String version() {
        return version;
    }

    public List<GridDistrict> districts() {
        return districts;
    }

    /** The cell containing the point, or empty when it lies outside every district's grid. */
    public Optional<GridLocation> locate(double lon, double lat) {
        if (!Double.isFinite(lon) || !Double.isFinite(lat)) {
            return Optional.empty();
        }
        Optional<GridDistrict> owner = districts.stream()
                .filter(district -> district.extent().containsHalfOpen(lon, lat))
                .findFirst()
                .or(() -> districts.stream().filter(district -> district.extent().contains(lon, lat)).findFirst());
        return owner.map(district -> locateIn(district, lon, lat));
    }

    private GridLocation locateIn(GridDistrict district, double lon, double lat) {
        Extent extent = district.extent();
        int streetRow = index(lat, extent.minLat(), extent.maxLat(), district.streetRows());
        int streetCol = index(lon, extent.minLon(), extent.maxLon(), district.streetCols());
        int streetIndex = streetRow * district.streetCols() + streetCol;
        Extent street = extent.part(streetRow, streetCol, district.streetRows(), district.streetCols());

        int communityRow = index(lat, street.minLat(), street.maxLat(), communityRows);
        int communityCol = index(lon, street.minLon(), street.maxLon(), communityCols);
        Extent community = street.part(communityRow, communityCol, communityRows, communityCols);

        double latStep = cellSizeMetres / METRES_PER_DEGREE_LAT;
        double lonStep = cellSizeMetres / (METRES_PER_DEGREE_LAT * Math.cos(Math.toRadians(community.centreLat())));
        int cellCols = Math.max(1, (int) Math.ceil(community.width() / lonStep));
        int cellRows = Math.max(1, (int) Math.ceil(community.height() / latStep));
        int cellRow = index(lat, community.minLat(), community.maxLat(), cellRows);
        int cellCol = index(lon, community.minLon(), community.maxLon(), cellCols);
        int sequence = cellRow * cellCols + cellCol + 1;

        String streetCode = district.code() + "%03d".formatted(streetIndex + 1);
        String communityCode = streetCode + "%03d".formatted(communityRow * communityCols + communityCol + 1);
        return new GridLocation(district.code(), district.name(), streetCode,
                district.streets().get(streetIndex), communityCode, communityCode + "%04d".formatted(sequence));
    }

    /** Half-open bands, except that the upper edge belongs to the last band. */
    private static int index(double value, double min, double max, int bands) {
        int i = (int) Math.floor((value - min) / (max - min) * bands);
        return Math.min(Math.max(i, 0), bands - 1);
    }

    /** A district's extent on the grid with its street blocks. */
    public record GridDistrict(String code, String name, Extent extent, int streetRows, int streetCols,
                               List<String> streets) {

        public GridDistrict {
            if (streets.size() != streetRows * streetCols) {
                throw new IllegalArgumentException(code + ": " + streets.size() + " streets for a "
                        + streetRows + " × " + streetCols + " street lattice");
            }
        }
    }

    /** A lon/lat rectangle. */
    public record Extent(double minLon, double minLat, double maxLon, double maxLat) {

        /** Shared borders go to the district to the north-east, matching the cell rule. */
        boolean containsHalfOpen(double lon, double lat) {
            return lon >= minLon && lon < maxLon && lat >= minLat && lat < maxLat;
        }

        public boolean contains(double lon, double lat) {
            return lon >= minLon && lon <= maxLon && lat >= minLat && lat <= maxLat;
        }

        double width() {
            return maxLon - minLon;
        }

        double height() {
            return maxLat - minLat;
        }

        double centreLat() {
            return (minLat + maxLat) / 2;
        }

        Extent part(int row, int col, int rows, int cols) {
            double w = width() / cols;
            double h = height() / rows;
            return new Extent(minLon + col * w, minLat + row * h, minLon + (col + 1) * w, minLat + (row + 1) * h);
        }
    }
}
